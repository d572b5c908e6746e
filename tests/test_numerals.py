"""Korean numeral parsing on the printed forms news copy uses."""
from generator.korean.numerals import parse_korean_number


def test_digits_commas_and_decimals():
    assert parse_korean_number("5562") == 5562
    assert parse_korean_number("1,200") == 1200
    assert parse_korean_number("1.3") == 1.3
    assert parse_korean_number("0.78") == 0.78


def test_mixed_digits_and_place_words():
    assert parse_korean_number("1만3000") == 13000
    assert parse_korean_number("1만 5000") == 15000
    assert parse_korean_number("1만 5천") == 15000
    assert parse_korean_number("20만") == 200000
    assert parse_korean_number("3만300") == 30300
    assert parse_korean_number("1만8천800") == 18800
    assert parse_korean_number("47만 3천") == 473000


def test_large_units():
    assert parse_korean_number("5천억") == 500_000_000_000
    assert parse_korean_number("200조") == 200 * 10**12
    assert parse_korean_number("1억 5,279만") == 152_790_000
    assert parse_korean_number("1.5만") == 15000


def test_whole_values_are_ints():
    assert isinstance(parse_korean_number("1.5만"), int)
    assert isinstance(parse_korean_number("1.3"), float)


def test_approximate_marker_is_ignored():
    assert parse_korean_number("3만300여") == 30300
    assert parse_korean_number("4천여") == 4000
    assert parse_korean_number("6천여만") == 60_000_000


def test_word_numerals():
    assert parse_korean_number("두") == 2
    assert parse_korean_number("여섯") == 6
    assert parse_korean_number("천만") == 10_000_000
    assert parse_korean_number("삼십") == 30


def test_not_a_number():
    assert parse_korean_number("") is None
    assert parse_korean_number("GPU") is None
    assert parse_korean_number("3 4") is None
