"""People, their roles and organisations, invitations and logins.

Floor 1 of the layers (see README), on the shared ``burgerbaan`` helpers only:
it imports no other app. What a person's agreements, hours or money say about
them is for the floors above.
"""
