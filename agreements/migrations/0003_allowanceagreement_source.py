import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0002_alter_allowanceagreement_options_and_more'),
        ('sources', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='allowanceagreement',
            name='source',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='allowance_agreements', to='sources.fundingsource', verbose_name='betaald uit'),
        ),
        migrations.AddField(
            model_name='historicalallowanceagreement',
            name='source',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='sources.fundingsource', verbose_name='betaald uit'),
        ),
    ]
