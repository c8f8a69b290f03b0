"""Change logging, written from signals so no view or script can forget it."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from .choices import ChangeAction
from .context import current
from .models import ObjectChange, TrackedModel


def record(instance: TrackedModel, action: str, before: dict | None, after: dict | None) -> None:
    if before is not None and after is not None and before == after:
        return  # a save that changed nothing leaves no trace
    context = current()
    user = context.user
    ObjectChange.objects.create(
        user=user if user is not None and user.pk else None,
        user_name=getattr(user, "username", "") or "",
        request_id=context.request_id,
        action=action,
        content_type=ContentType.objects.get_for_model(instance),
        object_id=instance.pk,
        object_repr=str(instance)[:200],
        paragraph_id=instance.paragraph_id_for_history(),
        before=before,
        after=after,
        message=context.message[:200],
    )


@receiver(pre_save)
def _before_save(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, TrackedModel):
        return
    previous = sender._base_manager.filter(pk=instance.pk).first() if instance.pk else None
    instance._before = previous.snapshot() if previous else None


@receiver(post_save)
def _after_save(sender, instance, created, raw=False, **kwargs):
    if raw or not isinstance(instance, TrackedModel):
        return
    before = None if created else getattr(instance, "_before", None)
    record(instance, ChangeAction.CREATE if created else ChangeAction.UPDATE, before, instance.snapshot())
    instance._before = None


@receiver(pre_delete)
def _before_delete(sender, instance, **kwargs):
    if isinstance(instance, TrackedModel):
        instance._before = instance.snapshot()
        instance._history_paragraph = instance.paragraph_id_for_history()


@receiver(post_delete)
def _after_delete(sender, instance, **kwargs):
    if isinstance(instance, TrackedModel):
        instance.paragraph_id_for_history = lambda: instance._history_paragraph
        record(instance, ChangeAction.DELETE, instance._before, None)


@receiver(m2m_changed)
def _m2m(sender, instance, action, **kwargs):
    if not isinstance(instance, TrackedModel) or not instance.snapshot_m2m:
        return
    if action.startswith("pre_"):
        instance._before_m2m = instance.snapshot()
    elif action.startswith("post_"):
        record(instance, ChangeAction.UPDATE, getattr(instance, "_before_m2m", None), instance.snapshot())
