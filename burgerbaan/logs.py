"""Keep secrets and personal data out of the logs.

Django logs the path of every refused or unknown request. Some paths carry a
secret: the one-time invitation link, allauth's password-reset and e-mail
confirmation keys. This filter, set on the loggers that log paths, replaces
those parts before any handler sees the record.
"""

import logging
import re

SECRET_IN_PATH = re.compile(
    r"(/uitnodiging/|/password/reset/key/|/confirm-email/|/login/code/)[^/\s'\"]+"
)


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = SECRET_IN_PATH.sub(r"\1[verborgen]", message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
