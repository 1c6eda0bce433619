"""The treasurer's view of the money coming in against the money going out.

Floor "privacy | reports | funding | bank" of the layers (see README): uses sources,
agreements, hours and payments; never dashboards, sponsors or demo. ``funding.money``
is the one calculation of what a source promised, received, paid, has reserved and
has left; agreements and the sponsor portal use it.
"""
