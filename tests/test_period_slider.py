"""The period slider's range from one run to the next (pages/common._slider_range): one state, the
range chosen last and the data's bounds then."""
from pages.common import _slider_range

YEARS = list(range(2010, 2026))


def test_a_range_chosen_survives_the_slider_coming_back_as_one_value():
    # after a page switch the slider's old range is read as a single choice
    assert _slider_range(2016, ((2016, 2020), (2010, 2025)), YEARS) == (2016, 2020)


def test_first_run_without_a_past_takes_the_whole_span():
    assert _slider_range(None, None, YEARS) == (2010, 2025)


def test_the_full_range_follows_new_data():
    assert _slider_range((2010, 2024), ((2010, 2024), (2010, 2024)), YEARS) == (2010, 2025)


def test_a_narrowed_range_stays_when_data_grows():
    assert _slider_range((2012, 2020), ((2012, 2020), (2010, 2024)), YEARS) == (2012, 2020)


def test_a_range_beyond_the_data_is_brought_inside_it():
    assert _slider_range((2005, 2030), ((2005, 2030), (2000, 2030)), YEARS) == (2010, 2025)
