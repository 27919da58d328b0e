"""Each request gets its receipt's key; existing requests get one each (a default would give them all the same)."""

from django.db import migrations, models

import tenant_apps.online_services.models


def give_each_request_a_token(apps, schema_editor):
    ServiceRequest = apps.get_model("online_services", "ServiceRequest")
    for service_request in ServiceRequest.objects.filter(receipt_token__isnull=True).only("pk"):
        service_request.receipt_token = tenant_apps.online_services.models.new_receipt_token()
        service_request.save(update_fields=["receipt_token"])


class Migration(migrations.Migration):
    dependencies = [("online_services", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="servicerequest",
            name="receipt_token",
            field=models.CharField(editable=False, max_length=64, null=True, verbose_name="khóa biên nhận"),
        ),
        migrations.RunPython(give_each_request_a_token, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="servicerequest",
            name="receipt_token",
            field=models.CharField(
                default=tenant_apps.online_services.models.new_receipt_token,
                editable=False,
                max_length=64,
                unique=True,
                verbose_name="khóa biên nhận",
            ),
        ),
    ]
