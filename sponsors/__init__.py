"""What a sponsor's money made possible: the sponsor portal, the yearly statement with
its public check, and the public factsheet.

Floor "dashboards | sponsors" of the layers (see README): uses funding, reports and
everything below; never dashboards or demo. Nothing here is per person: no names, no
one person's figures, and a count under 5 reads "minder dan 5".
"""
