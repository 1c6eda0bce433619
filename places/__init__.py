"""The vacancy bank: places at non-profits where someone can do a citizen job.

Floor 2 of the layers (see README), beside ``rules``: it uses ``accounts``
(organisations and coordinators), never the floors above. Applications and
placements that refer to places live in ``intake``.
"""
