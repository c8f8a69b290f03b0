from django.contrib import admin

from .models import Action, Comment, Evidence, Indicator, IndicatorValue

for model in (Action, Evidence, Indicator, IndicatorValue, Comment):
    admin.site.register(model)
