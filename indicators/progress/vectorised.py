"""Every indicator × territory of a store at once: `assess_all`, the same method as `series.assess` with
numpy group arithmetic (sorting, run boundaries, `bincount`), because a store of 1.5 million
observations must be assessed in well under a second."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .rules import (
    ACCELERATION_NEEDED, ACHIEVED, ACHIEVED_SCORE, DEFAULT_METHOD, DETERIORATION, EPS, GROWTH_CUTS,
    GROWTH_SCORE_POINTS, LIMITED_PROGRESS, NOT_ASSESSED, ON_TRACK, RATIO_CUTS, RATIO_SCORE_POINTS, REASONS,
    SAME_LEVEL_MISSED_SCORE, STATUSES, ZERO_REPLACEMENT, _DIRECTIONS, _REASON_CODE, _STATUS_CODE, _check_method,
    period_text, period_year, snap_array)

# --------------------------------------------------------------------------- every series

ASSESSED_COLUMNS: tuple[str, ...] = (
    "indicator_id", "territory_id", "action_id", "headline", "status", "score", "ratio", "cagr",
    "required_cagr", "growth", "base_period", "base_value", "latest_period", "latest_value",
    "target_period", "target_value", "projected_value", "expected_value", "milestone_status",
    "milestone_period", "milestone_value", "reason", "trend_slope", "trend_at_base", "n_observations", "n_years", "break_period",
)


def _codes(column: pd.Series, text=str) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes and the unique values as text (object array), for one key column.

    Values that are equal as text (59350 and "59350") share one code.
    """
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy(np.int64)
        raw = column.cat.categories
    else:
        # Sorted codes: a table sorted by its key (as the store returns it) needs no sort below.
        codes, raw = pd.factorize(column, sort=True, use_na_sentinel=True)
        codes = codes.astype(np.int64, copy=False)
    names = [text(u) for u in raw]
    if any(n is None for n in names) or len(set(names)) < len(names):
        merged, uniques = pd.factorize(pd.Series(names, dtype=object), sort=True, use_na_sentinel=True)
        merged = np.append(merged.astype(np.int64), -1)          # code −1 stays −1
        codes = merged[codes]
        names = list(uniques)
    return codes, np.array(names, dtype=object)


def _runs(sorted_keys: np.ndarray) -> np.ndarray:
    """Start index of each run of equal keys in a sorted array."""
    if len(sorted_keys) == 0:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1])))


def _run_means(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    counts = np.diff(np.append(starts, len(values)))
    return np.add.reduceat(values, starts) / counts


def _sort_if_needed(keys: np.ndarray) -> np.ndarray | None:
    if len(keys) < 2 or bool(np.all(keys[1:] >= keys[:-1])):
        return None
    return np.argsort(keys, kind="stable")


def _judge_arrays(by, bv, ly, lv, has_lv, d, ty, tv, has_t, method):
    """Vectorised `_judge`: arrays in, (status code, score, ratio, cagr, required, growth,
    expected, reason code) out. Same order of checks as `_judge`."""
    n = len(by)
    nan = np.full(n, np.nan)
    with np.errstate(all="ignore"):
        b0 = np.where(bv == 0, ZERO_REPLACEMENT, bv)
        sign = np.where(b0 < 0, -1.0, 1.0)
        span = (ly - by).astype(np.float64)
        obs_ok = has_lv & (span >= 1) & ~(((b0 > 0) & (lv < 0)) | ((b0 < 0) & (lv > 0)))
        observed = np.where(obs_ok, np.power(lv / b0, 1.0 / np.where(obs_ok, span, 1.0)) - 1.0, nan)
        growth = sign * d * observed

        t0 = np.where(tv == 0, ZERO_REPLACEMENT * sign, tv)
        tspan = (ty - by).astype(np.float64)
        req_ok = has_t & (tspan >= 1) & ~(((b0 > 0) & (t0 < 0)) | ((b0 < 0) & (t0 > 0)))
        required = np.where(req_ok, np.power(t0 / b0, 1.0 / np.where(req_ok, tspan, 1.0)) - 1.0, nan)
        wrong = req_ok & (d * (t0 - b0) < 0)
        expected = np.where(req_ok & has_lv, b0 * np.power(1.0 + required, ly - by), nan)
        ratio_ok = obs_ok & req_ok & ~wrong & (required != 0)
        ratio = np.where(ratio_ok, sign * d * observed / np.abs(required), nan)

        g_cuts = GROWTH_CUTS[method]

        def by_cuts(x, cuts):   # as rules._status_from_cuts: no figure (NaN, e.g. inf / inf) is not assessed
            high, med, low = cuts
            return np.select([np.isnan(x), x >= high - EPS, x >= med - EPS, x >= low - EPS],
                             [_STATUS_CODE[NOT_ASSESSED], _STATUS_CODE[ON_TRACK], _STATUS_CODE[ACCELERATION_NEEDED],
                              _STATUS_CODE[LIMITED_PROGRESS]], _STATUS_CODE[DETERIORATION])

        ratio_status = by_cuts(ratio, RATIO_CUTS)
        growth_status = by_cuts(growth, g_cuts)
        # a measure within EPS of a threshold scores as on it, as its status says (rules.snap)
        ratio_score = np.interp(snap_array(ratio, RATIO_SCORE_POINTS[0]), *RATIO_SCORE_POINTS)
        growth_score = np.interp(snap_array(growth, GROWTH_SCORE_POINTS[0]), *GROWTH_SCORE_POINTS)
        achieved = has_t & has_lv & (d != 0) & (d * (lv - tv) >= 0)

    na = _STATUS_CODE[NOT_ASSESSED]
    conditions = [
        ~has_lv,
        d == 0,
        achieved,
        ly < by,
        ly == by,
        ~obs_ok,
        has_t & (tspan < 1),
        has_t & ~req_ok,
        has_t & wrong,
        has_t & (required == 0),
        has_t,
    ]
    status = np.select(conditions, [na, na, _STATUS_CODE[ACHIEVED], na, na, na, na, na, na,
                                    _STATUS_CODE[DETERIORATION], ratio_status], growth_status)
    reason = np.select(conditions[:2] + conditions[3:9],
                       [_REASON_CODE[r] for r in REASONS[:8]], 0)   # break_in_series: set by assess_all
    reason = np.where(achieved & (d != 0) & has_lv, 0, reason)
    score = np.select([status == na, achieved, has_t & (required == 0), has_t],
                      [nan, ACHIEVED_SCORE, SAME_LEVEL_MISSED_SCORE, ratio_score], growth_score)
    nothing = ~has_lv | (d == 0)   # as `assess`: nothing is computed without data or direction
    for arr in (ratio, observed, required, growth, expected):
        arr[nothing] = np.nan
    return status.astype(np.int8), score, ratio, observed, required, growth, expected, reason


def _periods_of(raw: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Period texts, years and "has a year" flags of an array of periods (computed once per value)."""
    codes, uniques = pd.factorize(pd.Series(raw, dtype=object), use_na_sentinel=True)
    texts = [period_text(u) for u in uniques]
    years = [period_year(t) for t in texts]
    u_text = np.array(texts + [None], dtype=object)
    u_year = np.array([y if y is not None else 0 for y in years] + [0], dtype=np.int64)
    u_ok = np.array([y is not None for y in years] + [False], dtype=bool)
    return u_text[codes], u_year[codes], u_ok[codes]


def _text_of_ints(values: np.ndarray, valid: np.ndarray) -> np.ndarray:
    out = np.full(len(values), None, dtype=object)
    if valid.any():
        uniq, inverse = np.unique(values[valid], return_inverse=True)
        out[valid] = np.array([str(int(u)) for u in uniq], dtype=object)[inverse]
    return out


def assess_all(observations: pd.DataFrame, indicators: pd.DataFrame, targets: pd.DataFrame | None = None,
               method: str = DEFAULT_METHOD, period_from: str | None = None,
               period_to: str | None = None) -> pd.DataFrame:
    """Assess every indicator × territory that has observations, each series from its latest break
    in series (flag `b`) after the base onward; `break_period` names that break (else None).

    `period_from`/`period_to` (years as text, the view's `from`/`to`): assess the series of the rows in
    that period, `observations` being every row of the view's territories: a break after a target's
    baseline counts even before `from` (`window.in_view`). A series without a row in the period is left
    out, as when the rows are filtered beforehand."""
    from .window import in_view

    obs, tgt, breaks = in_view(observations, targets, period_from, period_to)
    counts = _view_counts(observations, breaks, period_from, period_to)
    out = _assess_all(obs, indicators, tgt, method, counts)
    if breaks.empty or out.empty:
        return out.assign(break_period=None)
    key = pd.MultiIndex.from_arrays([out["indicator_id"].astype(str), out["territory_id"].astype(str)])
    where = pd.MultiIndex.from_frame(breaks[["indicator_id", "territory_id"]])
    found = where.get_indexer(key)
    out["break_period"] = np.where(found >= 0, breaks["break_period"].to_numpy(dtype=object)[found], None)
    short = (found >= 0) & (out["reason"] == "too_few_years").to_numpy()
    out.loc[short, "reason"] = "break_in_series"
    return out


def _view_counts(observations: pd.DataFrame, breaks: pd.DataFrame, period_from: str | None,
                 period_to: str | None) -> pd.Series | None:
    """The observations with a value (and a year) of the view's period of each series a break in series
    trimmed, by (indicator, territory) as text: that series' `n_observations`, the count the headline
    territory is chosen by ("the territory with the most observations", DESIGN.md), before any trimming.
    None when no series was trimmed (the rows assessed are then the view's rows)."""
    from .window import KEY, _keys, year_texts

    if breaks is None or breaks.empty:
        return None
    rows = observations[_keys(observations).isin(_keys(breaks))]
    text = year_texts(rows["period"])
    inside = np.ones(len(rows), dtype=bool)
    if period_to:
        inside &= text <= period_to
    if period_from:
        inside &= text >= period_from
    rows = rows[inside]
    usable = (pd.to_numeric(rows["value"], errors="coerce").notna()
              & rows["period"].map(lambda p: p is not None and period_year(period_text(p)) is not None))
    rows = rows[usable.to_numpy(dtype=bool)]
    return rows.groupby([rows[k].astype(str) for k in KEY]).size()


def _assess_all(observations: pd.DataFrame, indicators: pd.DataFrame, targets: pd.DataFrame | None = None,
                method: str = DEFAULT_METHOD, counts: pd.Series | None = None) -> pd.DataFrame:
    """Assess every indicator × territory that has observations (same results as `assess`).

    observations: indicator_id, territory_id, period, value. indicators: indicator_id, action_id,
    direction (other columns ignored). targets: the targets table (may be empty or None).
    counts: `n_observations` of the series a break trimmed (`_view_counts`), by (indicator, territory).
    Returns one row per indicator × territory with the columns of `ASSESSED_COLUMNS`.
    """
    _check_method(method)
    obs = observations
    if obs is None or len(obs) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in ASSESSED_COLUMNS})

    ind_codes, ind_names = _codes(obs["indicator_id"])
    ter_codes, ter_names = _codes(obs["territory_id"])
    per_codes, per_names = _codes(obs["period"], text=period_text)
    n_ter = max(len(ter_names), 1)
    values = pd.to_numeric(obs["value"], errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)

    per_years = np.array([period_year(p) if p is not None else None for p in per_names], dtype=object)
    per_year_ok = np.array([y is not None for y in per_years], dtype=bool)
    per_year = np.array([y if y is not None else 0 for y in per_years], dtype=np.int64)

    keyed = (ind_codes >= 0) & (ter_codes >= 0)
    group = np.where(keyed, ind_codes * n_ter + ter_codes, -1)

    # Every indicator × territory with at least one row is reported, even without a value.
    n_keys = len(ind_names) * n_ter
    dense = n_keys <= 4 * len(group) + 1_000_000
    if dense:
        present = np.flatnonzero(np.bincount(group[keyed], minlength=n_keys))
        compact = np.full(n_keys, -1, dtype=np.int64)
        compact[present] = np.arange(len(present))
    else:
        present = np.unique(group[keyed])
    n_groups = len(present)

    # Rows that carry a value with a year.
    usable = keyed & (per_codes >= 0) & ~np.isnan(values)
    usable &= per_year_ok[np.where(per_codes >= 0, per_codes, 0)]
    g_rows = compact[group[usable]] if dense else np.searchsorted(present, group[usable])
    p_rows = per_codes[usable]
    y_rows = per_year[p_rows]
    v_rows = values[usable]
    n_obs = np.bincount(g_rows, minlength=n_groups)
    if counts is not None and len(counts) and n_groups:
        # a series trimmed at a break in series still counts every value of the view (the headline's rule)
        ci = pd.Index(ind_names).get_indexer(counts.index.get_level_values(0))
        ct = pd.Index(ter_names).get_indexer(counts.index.get_level_values(1))
        ckey = np.where((ci >= 0) & (ct >= 0), ci * n_ter + ct, -1)
        cpos = np.minimum(np.searchsorted(present, ckey), n_groups - 1)
        found = (ckey >= 0) & (present[cpos] == ckey)
        n_obs[cpos[found]] = counts.to_numpy()[found]

    # Annual values: mean per period (duplicates), then mean per year (quarters, months).
    if len(v_rows):
        y_min = int(y_rows.min())
        n_y = int(y_rows.max()) - y_min + 1
        subannual = any(p is not None and len(p) > 4 for p in per_names)
        gy = g_rows * n_y + (y_rows - y_min)
        if subannual:
            n_p = len(per_names)
            key = gy * n_p + p_rows
            order = _sort_if_needed(key)
            if order is not None:
                key, v_sorted = key[order], v_rows[order]
            else:
                v_sorted = v_rows
            starts = _runs(key)
            period_means = _run_means(v_sorted, starts)
            gy_p = key[starts] // n_p
            ystarts = _runs(gy_p)
            annual_v = _run_means(period_means, ystarts)
            annual_key = gy_p[ystarts]
        else:
            order = _sort_if_needed(gy)
            if order is not None:
                key, v_sorted = gy[order], v_rows[order]
            else:
                key, v_sorted = gy, v_rows
            starts = _runs(key)
            annual_v = v_sorted[starts] if len(starts) == len(key) else _run_means(v_sorted, starts)
            annual_key = key[starts]
        annual_g = annual_key // n_y
        annual_y = annual_key % n_y + y_min
    else:
        annual_g = np.zeros(0, np.int64)
        annual_y = np.zeros(0, np.int64)
        annual_v = np.zeros(0, np.float64)

    gstarts = _runs(annual_g)
    gends = np.append(gstarts[1:], len(annual_g))[:len(gstarts)] - 1
    has_lv = np.zeros(n_groups, dtype=bool)
    with_data = annual_g[gstarts]
    has_lv[with_data] = True
    n_years = np.zeros(n_groups, dtype=np.int64)
    n_years[with_data] = gends - gstarts + 1
    first_y = np.zeros(n_groups, np.int64)
    first_v = np.full(n_groups, np.nan)
    last_y = np.zeros(n_groups, np.int64)
    last_v = np.full(n_groups, np.nan)
    first_y[with_data] = annual_y[gstarts]
    first_v[with_data] = annual_v[gstarts]
    last_y[with_data] = annual_y[gends]
    last_v[with_data] = annual_v[gends]

    g_ind = present // n_ter
    g_ter = present % n_ter

    # Directions and actions per indicator.
    ind_frame = indicators[~indicators["indicator_id"].astype(str).duplicated()] if len(indicators) else indicators
    ind_lookup = pd.Index(ind_frame["indicator_id"].astype(str)) if len(ind_frame) else pd.Index([])
    pos = ind_lookup.get_indexer(ind_names) if len(ind_lookup) else np.full(len(ind_names), -1)
    dir_text = (ind_frame["direction"].astype(str).str.strip().str.lower().to_numpy(dtype=object)
                if len(ind_frame) else np.zeros(0, dtype=object))
    act_text = (ind_frame["action_id"].map(lambda a: None if a is None or a is pd.NA or
                                           (isinstance(a, float) and math.isnan(a)) else str(a))
                .to_numpy(dtype=object) if len(ind_frame) else np.zeros(0, dtype=object))
    d_ind = np.array([_DIRECTIONS.get(dir_text[p], 0) if p >= 0 else 0 for p in pos], dtype=np.int64)
    a_ind = np.array([act_text[p] if p >= 0 else None for p in pos], dtype=object)
    d = d_ind[g_ind].astype(np.float64)

    # Target rows per group (the first row for a key), and the headline target rows.
    t_has = np.zeros(n_groups, bool)
    fields = {k: np.full(n_groups, None, dtype=object) for k in ("baseline_period", "target_period",
                                                                 "milestone_period")}
    field_years = {k: (np.zeros(n_groups, np.int64), np.zeros(n_groups, bool)) for k in fields}
    nums = {k: np.full(n_groups, np.nan) for k in ("baseline_value", "target_value", "milestone_value")}
    headline_group = np.full(len(ind_names), -1, dtype=np.int64)
    has_target_rows = np.zeros(len(ind_names), dtype=bool)
    if targets is not None and len(targets):
        ti = pd.Index(ind_names).get_indexer(targets["indicator_id"].astype(str))
        tt = pd.Index(ter_names).get_indexer(targets["territory_id"].astype(str))
        has_target_rows[np.unique(ti[ti >= 0])] = True
        tkey = np.where((ti >= 0) & (tt >= 0), ti * n_ter + tt, -1)
        gpos = np.minimum(np.searchsorted(present, tkey), max(n_groups - 1, 0))
        ok = (tkey >= 0) & (present[gpos] == tkey) if n_groups else np.zeros(len(tkey), bool)
        rows = np.flatnonzero(ok)
        # The first target row of each indicator × territory, in table order.
        gidx, first = np.unique(gpos[rows], return_index=True)
        ridx = rows[first]
        t_has[gidx] = True
        for k in fields:
            if k in targets.columns:
                texts, yrs, ok_years = _periods_of(targets[k].to_numpy(dtype=object)[ridx])
                fields[k][gidx] = texts
                field_years[k][0][gidx] = yrs
                field_years[k][1][gidx] = ok_years
        for k in nums:
            if k in targets.columns:
                nums[k][gidx] = pd.to_numeric(targets[k], errors="coerce").to_numpy(
                    dtype=np.float64, na_value=np.nan)[ridx]
        # Headline: the first target row (table order: as first imported, store.POSITIONED) with values.
        with_values = rows[n_obs[gpos[rows]] > 0]
        inds, first = np.unique(ti[with_values], return_index=True)
        headline_group[inds] = gpos[with_values[first]]

    bl_y, bl_ok = field_years["baseline_period"]
    tg_y, tg_ok = field_years["target_period"]
    ms_y, ms_ok = field_years["milestone_period"]
    baseline = t_has & bl_ok & np.isfinite(nums["baseline_value"])
    has_t = t_has & tg_ok & np.isfinite(nums["target_value"])
    has_m = t_has & ms_ok & np.isfinite(nums["milestone_value"])

    by = np.where(baseline, bl_y, first_y)
    bv = np.where(baseline, nums["baseline_value"], first_v)
    tv = np.where(has_t, nums["target_value"], np.nan)
    mv = np.where(has_m, nums["milestone_value"], np.nan)

    status, score, ratio, observed, required, growth, expected, reason = _judge_arrays(
        by, bv, last_y, last_v, has_lv, d, tg_y, tv, has_t, method)
    m_status = _judge_arrays(by, bv, last_y, last_v, has_lv, d, ms_y, mv, has_m, method)[0]

    # Least squares through the base point and the later annual values.
    with np.errstate(all="ignore"):
        if len(annual_g):
            x = (annual_y - by[annual_g]).astype(np.float64)
            later = x > 0
            gl = annual_g[later]
            xl = x[later]
            vl = annual_v[later]
            n_later = np.bincount(gl, minlength=n_groups).astype(np.float64)
            sx = np.bincount(gl, weights=xl, minlength=n_groups)
            sy = np.bincount(gl, weights=vl, minlength=n_groups)
            sxx = np.bincount(gl, weights=xl * xl, minlength=n_groups)
            sxy = np.bincount(gl, weights=xl * vl, minlength=n_groups)
        else:
            n_later = sx = sy = sxx = sxy = np.zeros(n_groups)
        fit = has_lv & (n_later > 0)
        n = n_later + 1.0
        sy = sy + np.where(fit, bv, 0.0)
        slope = np.where(fit, (n * sxy - sx * sy) / (n * sxx - sx * sx), np.nan)
        at_base = np.where(fit, (sy - slope * sx) / n, np.nan)
        projected = np.where(fit & has_t, at_base + slope * (tg_y - by), np.nan)

    # Headline without a target row: most values of the view (before any break trims), ties to the smallest code.
    no_target = ~has_target_rows & (headline_group < 0)
    if no_target.any() and n_groups:
        ter_rank = np.empty(len(ter_names), dtype=np.int64)
        ter_rank[np.argsort(ter_names.astype(str), kind="stable")] = np.arange(len(ter_names))
        candidates = np.flatnonzero(no_target[g_ind] & (n_obs > 0))
        if len(candidates):
            order = np.lexsort((ter_rank[g_ter[candidates]], -n_obs[candidates], g_ind[candidates]))
            ranked = candidates[order]
            first = _runs(g_ind[ranked])
            headline_group[g_ind[ranked[first]]] = ranked[first]
    headline = np.zeros(n_groups, dtype=bool)
    headline[headline_group[headline_group >= 0]] = True

    status_names = np.array(STATUSES, dtype=object)
    reason_names = np.array((None,) + REASONS, dtype=object)
    m_names = status_names[m_status]
    m_names[~has_m] = None
    target_period = fields["target_period"].copy()
    target_period[~has_t] = None
    milestone_period = fields["milestone_period"].copy()
    milestone_period[~has_m] = None
    base_period = np.where(baseline, fields["baseline_period"], _text_of_ints(first_y, has_lv))
    base_period[~has_lv] = None
    bv_out = np.where(has_lv, bv, np.nan)

    out = pd.DataFrame({
        "indicator_id": ind_names[g_ind],
        "territory_id": ter_names[g_ter],
        "action_id": a_ind[g_ind],
        "headline": headline,
        "status": status_names[status],
        "score": score,
        "ratio": ratio,
        "cagr": observed,
        "required_cagr": required,
        "growth": growth,
        "base_period": base_period,
        "base_value": bv_out,
        "latest_period": _text_of_ints(last_y, has_lv),
        "latest_value": last_v,
        "target_period": target_period,
        "target_value": tv,
        "projected_value": projected,
        "expected_value": expected,
        "milestone_status": m_names,
        "milestone_period": milestone_period,
        "milestone_value": mv,
        "reason": reason_names[reason],
        "trend_slope": slope,
        "trend_at_base": at_base,
        "n_observations": n_obs,
        "n_years": n_years,
    }, columns=list(ASSESSED_COLUMNS))
    return out


