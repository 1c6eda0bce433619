"""The project: settings, URLs and the helpers every app shares (money, PDF, errors).

The ground floor of the layers (see README): it imports no app. Its URLs and
settings name the apps only as strings.
"""
