"""The yearly legal rules: the Belastingdienst's maxima for a tax-free volunteer allowance.

Floor 2 of the layers (see README): stands on ``accounts`` (a person's age
decides their hourly maximum) and the shared ``burgerbaan`` helpers; agreements,
hours, payments and the pages above use it. It imports no other app.
"""
