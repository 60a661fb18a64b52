"""The Data page's mapping step: a file of another layout (Eurostat, Statbel, INSEE…) read through a mapping
the planner completes in a form, with what it makes of the file's rows said beneath."""
from __future__ import annotations

import hashlib
import json

import pandas as pd
import streamlit as st

from indicators import i18n, limits
from indicators.i18n import t


def foreign_files(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The uploads whose columns match no table: candidates for the mapping step."""
    from indicators.reading import read_file
    from indicators.schema import TABLES, recognise

    def fits(columns) -> bool:
        kind, mapping = recognise(list(columns))
        return kind is not None and set(TABLES[kind].required) <= set(mapping.values())

    out = []
    for name, raw in files:
        result = read_file(raw, name)
        if result.sheets and not any(fits(sh.frame.columns) for sh in result.sheets):
            out.append((name, raw))
    return out


def mapping_step(view, editor: str | None, name: str, raw: bytes):
    """Say how a foreign layout maps to observations; returns the mapped source, or None."""
    lang = view.lang
    from indicators.mappings import (MappingError, apply_mapping, filter_choices, known_for_mapping, load_mapping,
                                     mapping_names, save_mapping_spec, suggest_mapping, unknown_indicators_said)
    from indicators.mappings.saved import json_error_text
    from indicators.reading import read_file

    if view.framework["indicators"].empty:   # no indicator to give a column: the framework first, said plainly
        from pages.first_steps import framework_tables

        st.info(f"**{name}** · " + t("mapping_no_indicators", lang, tab=t("tab_templates", lang),
                                     tables=framework_tables(lang)), icon=":material/inventory_2:")
        return None, None
    known = known_for_mapping(view.engine)
    saved = mapping_names(view.engine)
    st.markdown(f"**{name}** · {t('mapping_intro', lang)}")
    choice = st.selectbox(t("mapping_choose", lang), ["", *saved], key=f"map_choice_{name}",
                          format_func=lambda c: c or t("mapping_new", lang))
    said_above = False   # what the form lacks, when the form says it itself (no column of numbers)
    if choice:
        try:
            spec = load_mapping(view.engine, choice)
        except MappingError as exc:   # deleted by another editor since the list was drawn
            st.warning(exc.text(lang), icon=":material/edit_note:")
            return None, None
    else:
        result = read_file(raw, name)
        spec = suggest_mapping(result, known)
        columns = list(result.sheets[0].frame.columns)
        indicators = sorted(view.framework["indicators"]["indicator_id"])
        said = _indicator_said(view.framework, lang)   # "ECO06 · PIB par habitant", as the Explorer lists them
        c1, c2 = st.columns(2)
        d1, d2 = st.columns(2)
        territory = spec.get("territory", {}).get("column")
        # The parts of a split column (Eurostat's `unit,geo\time` → geo) are columns the mapping names too.
        parts = [n for s in spec.get("split", []) for n in s.get("into", []) if n not in columns]
        choices = [*parts, *columns]
        spec.setdefault("territory", {})["column"] = c1.selectbox(
            t("mapping_territory", lang), choices, key=f"map_ter_{name}",
            index=choices.index(territory) if territory in choices else 0)
        if "years_in_columns" in spec:
            spec["years_in_columns"]["indicator"] = c2.selectbox(
                t("mapping_indicator", lang), ["", *indicators], key=f"map_years_ind_{name}", format_func=said)
        else:
            _period_form(spec, columns, name, lang, c2, d1)
        _flag_form(spec, columns, name, lang, d2)
        _filters_form(spec, filter_choices(result, spec), name, lang)
        if "years_in_columns" not in spec:
            table = pd.DataFrame({"column": list(spec.get("values", {})),
                                  "indicator": [v or None for v in spec.get("values", {}).values()]})
            if table.empty:   # an empty grid says "empty" in English, and has no row to fill: say what to do
                st.caption(t("mapping_no_value_columns", lang))
                said_above = True
            else:
                # The placeholder fills an indicator not chosen yet (Streamlit writes "None" there).
                edited = st.data_editor(table, key=f"map_values_{name}", hide_index=True, width="stretch",
                                        disabled=["column"], placeholder=t("mapping_choose_indicator", lang),
                                        column_config={
                                            "column": st.column_config.TextColumn(t("column", lang)),
                                            "indicator": st.column_config.SelectboxColumn(
                                                t("indicator", lang), options=indicators, format_func=said)})
                spec["values"] = {r["column"]: r["indicator"] for r in edited.to_dict("records")
                                  if r["indicator"]}
    generated = json.dumps(spec, ensure_ascii=False, indent=1)
    with st.expander(t("mapping_advanced", lang)):
        # Keyed on the generated text: the form above refills it; an edit here wins until the form changes.
        text = st.text_area("JSON", generated, height=200, label_visibility="collapsed",
                            key=f"map_json_{name}_{hashlib.sha256(generated.encode()).hexdigest()[:12]}")
    # The form's refusals in the form's words (its choosers named: i18n.on_page); the text's own, edited by
    # hand or saved, in the words of the text (its keys), as the command line says them.
    by_form = not choice and text == generated
    detail = None
    try:
        spec = limits.load_json(text)
    except (ValueError, limits.LimitExceeded) as exc:   # the JSON as edited above, said in words
        detail = json_error_text(exc, lang)
    if detail is None:
        try:
            mapped = apply_mapping((name, raw), spec, name, known=known, mapping_name=choice or None)
        except MappingError as exc:   # says what to change, in the page's language
            if by_form and said_above and exc.key == "mapping_spec_values_missing":
                return None, None   # the caption above says it: once
            detail = t(i18n.on_page(exc.key), lang, **exc.params) if by_form and exc.key in i18n.TEXTS \
                else exc.text(lang)
        except limits.LimitExceeded as exc:   # the limit in words, as a file's reading says it
            from indicators.reading import limit_problem

            detail = limit_problem(name, exc).message(lang)
        except ValueError:   # never a library's English words on the page
            detail = t("mapping_cannot_apply", lang)
    if detail is not None:
        st.warning(t("mapping_incomplete", lang, detail=detail), icon=":material/edit_note:")
        return None, None
    for p in mapped.problems:   # EUR_HAB beside MIO_EUR: said here, where the filter that keeps one is chosen
        if p.code == "mixed_units":
            st.warning(f"{p.message(lang)} {i18n.suggestion_on_page(p, lang)}", icon=":material/warning:")
    _mapped_said(mapped, view.framework, lang)
    c1, c2 = st.columns([3, 1])
    new_name = c1.text_input(t("mapping_save_as", lang), choice, key=f"map_name_{name}")
    if c2.button(t("mapping_save", lang), key=f"map_save_{name}", disabled=not new_name.strip() or not editor):
        saved = save_mapping_spec(view.engine, new_name.strip(), spec, user=editor)
        st.toast(t("mapping_saved", lang, name=new_name.strip()), icon=":material/save:")
        unknown = unknown_indicators_said(view.engine, saved, lang)   # as save-mapping says it
        if unknown:
            st.warning(unknown, icon=":material/warning:")
    return mapped, spec


def _indicator_said(framework: dict, lang: str):
    """An indicator chooser's words: its code and name in the page's language, "choisir…" for none yet."""
    names = {r["indicator_id"]: i18n.name(r, "name", lang) for r in framework["indicators"].to_dict("records")}
    return lambda c: (f"{c} · {names[c]}" if names.get(c) else c) if c else t("mapping_choose_indicator", lang)


def _mapped_said(mapped, framework: dict, lang: str) -> None:
    """What became of every row of the file, counts that add up (mappings/shown.py), and the observations
    as they will be stored, in the page's words."""
    from indicators.mappings.shown import counts_said, preview_said
    from pages.safe_markdown import md_code

    said = counts_said(mapped, lang, code=md_code)
    if said is not None:
        title, lines = said
        st.markdown(title + "\n\n" + "\n".join(f"{'    ' * depth}- {text}" for depth, text in lines))
    preview = preview_said(mapped, framework, lang)
    if len(preview):   # an empty grid says "empty" in English; the counts above say 0 observations
        st.caption(t("mapping_preview", lang, shown=i18n.number(len(preview), lang, 0),
                     total=i18n.number(mapped.summary.get("observations", 0), lang, 0)))
        st.dataframe(preview, hide_index=True, width="stretch")


def _period_form(spec: dict, columns: list[str], name: str, lang: str, slot, below) -> None:
    """The period, from the suggestion (`suggest_mapping`: SDMX's TIME_PERIOD, ARCEP's date read as a year):
    a column of the file, read as written or as the year, quarter or month of its dates, or a fixed period."""
    from indicators.mappings import PERIOD_KINDS

    suggested = spec.get("period") or {}
    options = ["", *columns]
    column = slot.selectbox(t("mapping_period_column", lang), options, key=f"map_period_col_{name}",
                            index=options.index(suggested["column"]) if suggested.get("column") in columns else 0,
                            format_func=lambda c: c or t("mapping_period_fixed", lang))
    if column:
        kinds = ["", *PERIOD_KINDS]
        read_as = below.selectbox(t("mapping_period_as", lang), kinds, key=f"map_period_as_{name}",
                                  index=kinds.index(suggested.get("as") or ""),
                                  format_func=lambda k: t(f"mapping_period_as_{k or 'written'}", lang))
        spec["period"] = {"column": column, **({"as": read_as} if read_as else {})}
    else:
        spec["period"] = {"value": below.text_input(t("mapping_period", lang), suggested.get("value", ""),
                                                    key=f"map_period_{name}")}


def _flag_form(spec: dict, columns: list[str], name: str, lang: str, slot) -> None:
    """The column of flags (SDMX's OBS_FLAG: `p`, `e`), the suggestion's first, or none."""
    options = ["", *columns]
    suggested = (spec.get("flag") or {}).get("column") if isinstance(spec.get("flag"), dict) else None
    chosen = slot.selectbox(t("mapping_flag_column", lang), options, key=f"map_flag_{name}",
                            index=options.index(suggested) if suggested in columns else 0,
                            format_func=lambda c: c or t("mapping_flag_none", lang))
    if chosen:
        spec["flag"] = {"column": chosen}
    else:
        spec.pop("flag", None)


def _filters_form(spec: dict, choices: dict[str, list[str]], name: str, lang: str) -> None:
    """Each filter keeping one value of a column (SDMX's `unit`: EUR_HAB or MIO_EUR), the suggestion's
    value first; every row when none is chosen (apply_mapping then warns when units are mixed)."""
    kept = []
    for f in spec.get("filters", []):
        values = choices.get(f.get("column"))
        if "equals" not in f or not values:
            kept.append(f)
            continue
        options = ["", *values]
        value = st.selectbox(t("mapping_filter", lang, column=f["column"]), options,
                             key=f"map_filter_{name}_{f['column']}",
                             index=options.index(f["equals"]) if f["equals"] in values else 0,
                             format_func=lambda v: v or t("mapping_filter_all", lang))
        if value:
            kept.append({**f, "equals": value})
        if f["column"] == (spec.get("period") or {}).get("column"):   # days: one kept (mappings/saved.py _one_day)
            from pages.safe_markdown import md_code

            st.caption(t("mapping_days_kept", lang, column=md_code(f["column"])))
    if kept:
        spec["filters"] = kept
    else:
        spec.pop("filters", None)
