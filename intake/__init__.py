"""The way in: applications, their stages from first contact to placement, and the personal plan.

Floor 4 of the layers (see README), between ``agreements`` and ``hours |
guidance``: placing someone uses ``accounts`` (the invitation), ``agreements``
(the draft agreements), ``places`` and ``rules``; never ``hours``, ``payments``
or the pages above.
"""
