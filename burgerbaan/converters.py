"""Path converters: a year in a URL is a four-digit year of the pilot's era.

Anything else (year 1, year 99999) is simply a page that does not exist,
rather than an error deep in a date calculation.
"""

from django.urls import register_converter


class YearConverter:
    regex = "20[0-9]{2}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return f"{int(value):04d}"


register_converter(YearConverter, "year")
