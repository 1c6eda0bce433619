"""Where the money comes from: funding sources, their commitments and the money received.

Floor "rules | sources | places" of the layers (see README): uses ``accounts`` only.
Agreements name the source that pays them; ``funding`` above adds up what each source
paid and has left.
"""
