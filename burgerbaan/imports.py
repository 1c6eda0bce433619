"""Imports through django-import-export, all or nothing, also when the database fails.

import-export collects an exception of a row as a row error and still reports
"import finished", after deleting the uploaded file. When the database
connection drops during a confirmed import that would tell the admin a lie.
Here a confirmed import stops at the first error instead, and its transaction
is rolled back:

- a lost database connection reaches ``burgerbaan.middleware`` (the "try again"
  page); the uploaded file stays, so sending the same confirmation again
  imports the file once;
- any other error comes back as a message on the import page, without the
  row's contents (they may be personal data, and do not belong in a log).

The preview (dry run) still lists each row's errors.
"""

from django.contrib import messages
from django.db import InterfaceError, OperationalError
from django.shortcuts import redirect
from django.urls import reverse
from import_export.exceptions import ImportError as RowImportError


class AllOrNothingImportMixin:
    def process_import(self, request, **kwargs):
        request.confirming_import = True
        try:
            return super().process_import(request, **kwargs)
        except RowImportError as exc:
            if isinstance(exc.error, (OperationalError, InterfaceError)):
                raise exc.error  # noqa: B904 - its own cause tells what happened
            messages.error(
                request,
                f"Er is niets geïmporteerd: rij {exc.number} klopt niet. "
                "Controleer het bestand en probeer het opnieuw.",
            )
            opts = self.model._meta
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_import"))

    def get_import_data_kwargs(self, **kwargs):
        confirming = getattr(kwargs.get("request"), "confirming_import", False)
        data = super().get_import_data_kwargs(**kwargs)
        if confirming:
            data["raise_errors"] = True
        return data
