"""Money going out: gifts, travel costs, opening balances, payments, batches and SEPA files.

Floor 5 of the layers (see README): uses every floor below (``accounts``,
``rules``, ``agreements``, ``hours``). ``payments.cap`` is the one calculation
of money against the maxima, used by the hours page, the pages above and PDFs.
"""
