import django.db.models.deletion
import sources.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0004_sponsors_become_sources'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='allowanceagreement',
            name='sponsor',
        ),
        migrations.RemoveField(
            model_name='historicalallowanceagreement',
            name='sponsor',
        ),
        # The default (the cooperative's own money) lives in Python only; every row has
        # its source since 0004, so the database needs none and none is computed here.
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterField(
                    model_name='allowanceagreement',
                    name='source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='allowance_agreements', to='sources.fundingsource', verbose_name='betaald uit'),
                ),
            ],
            state_operations=[
                migrations.AlterField(
                    model_name='allowanceagreement',
                    name='source',
                    field=models.ForeignKey(default=sources.models.own_money_source, on_delete=django.db.models.deletion.PROTECT, related_name='allowance_agreements', to='sources.fundingsource', verbose_name='betaald uit'),
                ),
            ],
        ),
        migrations.AlterField(
            model_name='historicalallowanceagreement',
            name='source',
            field=models.ForeignKey(blank=True, db_constraint=False, default=sources.models.own_money_source, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='sources.fundingsource', verbose_name='betaald uit'),
        ),
    ]
