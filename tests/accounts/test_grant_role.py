import pytest

from accounts.models import Organisation, Role
from accounts.services import RoleNotAllowed, grant_role
from tests.factories import UserFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "org_kind"),
    [
        (Role.Kind.COORDINATOR, Organisation.Kind.NONPROFIT),
        (Role.Kind.REFERRER, Organisation.Kind.DAYCARE),
        (Role.Kind.SPONSOR, Organisation.Kind.SPONSOR),
    ],
)
def test_a_role_of_one_organisation_needs_an_organisation_of_its_kind(kind, org_kind):
    user = UserFactory()
    right = Organisation.objects.create(kind=org_kind, name="Juist")
    wrong_kind = next(k for k in Organisation.Kind if k != org_kind)
    wrong = Organisation.objects.create(kind=wrong_kind, name="Verkeerd")

    for organisation in (None, wrong):
        with pytest.raises(RoleNotAllowed):
            grant_role(user, kind, organisation, by=None)
    assert not user.roles.exists()

    role = grant_role(user, kind, right, by=None)
    assert role.organisation == right


@pytest.mark.django_db
def test_roles_without_organisation_ignore_one_given():
    user = UserFactory()
    sponsor = Organisation.objects.create(kind=Organisation.Kind.SPONSOR, name="Sponsor")
    role = grant_role(user, Role.Kind.TREASURER, sponsor, by=None)
    assert role.organisation is None
