from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter

from accounts import mfa


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # People join the pilot by invitation from an admin, never by signing up.
        return False


class MFAAdapter(DefaultMFAAdapter):
    # TOTP secrets and recovery seeds are stored encrypted (accounts.mfa).
    def encrypt(self, text: str) -> str:
        return mfa.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return mfa.decrypt(encrypted_text)
