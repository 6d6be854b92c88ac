// A meeting's action items: each with its owner, due date, the agenda item it came from and its
// status, which whoever may (`viewerCanSetStatus`: the facilitator or the owner) can tick off; and, while the meeting runs, the
// facilitator's form to add one (title, owner, optional due date), linked to the current item.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { MEETING_LIMITS, actionItemSchema } from '@council/shared';
import {
  CreateActionItemMutation,
  MEETING_CONTEXT,
  PeopleQuery,
  UpdateActionItemMutation,
  type ActionItemData,
  type AgendaItemData,
  type Person,
} from '../documents';
import { OpenCircleIcon } from './Icons';
import { errorMessage, fieldErrors } from '../../../app/errors';
import { zodFieldErrors } from '../../../app/translate';
import { formatDate } from '../../../ui/format';

/** A due date from a date input, stored at noon UTC so it reads as the same day everywhere. */
function dueOnFromInput(value: string): string | null {
  return value ? new Date(`${value}T12:00:00.000Z`).toISOString() : null;
}

export function ActionItems({
  meetingId,
  items,
  canCreate,
  currentItem,
}: {
  meetingId: string;
  items: readonly ActionItemData[];
  canCreate: boolean;
  currentItem?: Pick<AgendaItemData, 'id' | 'title'> | null;
}) {
  const { t } = useTranslation();
  return (
    <section className="card action-items" aria-labelledby="action-items-heading">
      <h2 id="action-items-heading" className="card__title">
        {t('meetings.actions.heading')}
      </h2>
      {items.length === 0 ? (
        <p className="muted">{t('meetings.actions.empty')}</p>
      ) : (
        <ul className="action-list">
          {items.map((a) => (
            <ActionItemRow key={a.id} item={a} canToggle={a.viewerCanSetStatus} />
          ))}
        </ul>
      )}
      {canCreate ? <ActionItemForm meetingId={meetingId} currentItem={currentItem ?? null} /> : null}
    </section>
  );
}

function ActionItemRow({ item, canToggle }: { item: ActionItemData; canToggle: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [{ fetching }, update] = useMutation(UpdateActionItemMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const done = item.status === 'DONE';

  async function toggle(checked: boolean) {
    setProblem(null);
    const result = await update({ actionItemId: item.id, input: { status: checked ? 'DONE' : 'OPEN' } }, MEETING_CONTEXT);
    if (result.error) setProblem(errorMessage(result.error, t));
  }

  return (
    <li className={done ? 'action-item action-item--done' : 'action-item'} data-testid="action-item" data-status={item.status}>
      <div className="action-item__main">
        {canToggle ? (
          <input
            id={id}
            type="checkbox"
            className="action-item__check"
            checked={done}
            disabled={fetching}
            onChange={(e) => void toggle(e.target.checked)}
            data-testid="action-item-done"
          />
        ) : (
          <span className="action-item__mark" aria-hidden="true">
            {done ? '✓' : <OpenCircleIcon />}
          </span>
        )}
        <div className="action-item__text">
          {canToggle ? (
            <label htmlFor={id} className="action-item__title">
              {item.title}
            </label>
          ) : (
            <span className="action-item__title">{item.title}</span>
          )}
          <p className="action-item__meta">
            <span className={done ? 'action-status action-status--done' : 'action-status'}>{t(`meetings.actionStatus.${item.status}`)}</span>
            <span aria-hidden="true"> · </span>
            <span>
              {item.owner.region
                ? t('meetings.actions.ownerWithRegion', { name: item.owner.name, region: item.owner.region.name })
                : t('meetings.actions.owner', { name: item.owner.name })}
            </span>
            <span aria-hidden="true"> · </span>
            <span>{item.dueOn ? t('meetings.actions.due', { date: formatDate(item.dueOn) }) : t('meetings.actions.noDue')}</span>
            {item.agendaItemTitle ? (
              <>
                <span aria-hidden="true"> · </span>
                <span>{t('meetings.actions.from', { title: item.agendaItemTitle })}</span>
              </>
            ) : null}
          </p>
        </div>
      </div>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </li>
  );
}

/** People by region (the option's text is the name alone; the region is its group). */
function groupByRegion(people: readonly Person[], noRegion: string): { region: string; people: Person[] }[] {
  const groups = new Map<string, Person[]>();
  for (const p of people) {
    const key = p.region?.name ?? '';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([region, list]) => ({ region: region || noRegion, people: list.sort((x, y) => x.name.localeCompare(y.name)) }));
}

function ActionItemForm({ meetingId, currentItem }: { meetingId: string; currentItem: Pick<AgendaItemData, 'id' | 'title'> | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [{ data: peopleData, error: peopleError }] = useQuery({ query: PeopleQuery });
  const [{ fetching }, create] = useMutation(CreateActionItemMutation);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'title' | 'ownerId' | 'dueOn', string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState('');
  const groups = useMemo(() => groupByRegion(peopleData?.people ?? [], t('meetings.actions.noRegion')), [peopleData, t]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setAdded('');
    const dueOn = dueOnFromInput(due);
    const parsed = actionItemSchema.safeParse({ title, dueOn: dueOn ? new Date(dueOn) : null });
    const found = parsed.success ? {} : zodFieldErrors(t, parsed.error.issues);
    const next = { title: found.title, dueOn: found.dueOn, ownerId: ownerId ? undefined : t('meetings.validation.owner') };
    if (next.title || next.dueOn || next.ownerId || !parsed.success) {
      setErrors(next);
      return;
    }
    const result = await create(
      { input: { meetingId, title: parsed.data.title, ownerId, dueOn, agendaItemId: currentItem?.id ?? null } },
      MEETING_CONTEXT,
    );
    if (result.error) {
      const fields = fieldErrors(result.error);
      const mapped = { title: fields.title ?? fields['input.title'], ownerId: fields.ownerId ?? fields['input.ownerId'], dueOn: fields.dueOn ?? fields['input.dueOn'] };
      setErrors(mapped);
      if (!mapped.title && !mapped.ownerId && !mapped.dueOn) setProblem(errorMessage(result.error, t));
      return;
    }
    setAdded(t('meetings.actions.added', { title: parsed.data.title }));
    setTitle('');
    setDue('');
    setErrors({});
  }

  const describe = (field: 'title' | 'ownerId' | 'dueOn') => (errors[field] ? `${id}-${field}-error` : undefined);

  return (
    <form className="action-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="action-form__heading">
        {t('meetings.actions.formHeading')}
      </h3>
      {currentItem ? <p className="actions__hint">{t('meetings.actions.linked', { title: currentItem.title })}</p> : null}
      <div className="action-form__grid">
        <div className="action-form__field action-form__field--title">
          <label htmlFor={`${id}-title`} className="field__label">
            {t('meetings.actions.title')}
          </label>
          <input
            id={`${id}-title`}
            className="input"
            value={title}
            maxLength={MEETING_LIMITS.actionTitle.max}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={describe('title')}
            onChange={(e) => {
              setTitle(e.target.value);
              setErrors((x) => ({ ...x, title: undefined }));
            }}
            data-testid="action-title"
          />
          {errors.title ? (
            <p id={`${id}-title-error`} className="field__error" role="alert">
              {errors.title}
            </p>
          ) : null}
        </div>
        <div className="action-form__field">
          <label htmlFor={`${id}-owner`} className="field__label">
            {t('meetings.actions.ownerLabel')}
          </label>
          <select
            id={`${id}-owner`}
            className="select"
            value={ownerId}
            aria-invalid={errors.ownerId ? true : undefined}
            aria-describedby={describe('ownerId')}
            onChange={(e) => {
              setOwnerId(e.target.value);
              setErrors((x) => ({ ...x, ownerId: undefined }));
            }}
            data-testid="action-owner"
          >
            <option value="">{peopleData ? t('meetings.actions.chooseOwner') : t('app.loading')}</option>
            {groups.map((g) => (
              <optgroup key={g.region} label={g.region}>
                {g.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {errors.ownerId ? (
            <p id={`${id}-ownerId-error`} className="field__error" role="alert">
              {errors.ownerId}
            </p>
          ) : null}
          {peopleError ? (
            <p className="field__error" role="alert">
              {errorMessage(peopleError, t)}
            </p>
          ) : null}
        </div>
        <div className="action-form__field">
          <label htmlFor={`${id}-due`} className="field__label">
            {t('meetings.actions.dueLabel')}
            <span className="field__optional"> ({t('ui.optional')})</span>
          </label>
          <input
            id={`${id}-due`}
            type="date"
            className="input"
            value={due}
            aria-invalid={errors.dueOn ? true : undefined}
            aria-describedby={describe('dueOn')}
            onChange={(e) => {
              setDue(e.target.value);
              setErrors((x) => ({ ...x, dueOn: undefined }));
            }}
            data-testid="action-due"
          />
          {errors.dueOn ? (
            <p id={`${id}-dueOn-error`} className="field__error" role="alert">
              {errors.dueOn}
            </p>
          ) : null}
        </div>
      </div>
      <div className="form__actions form__actions--start">
        <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="action-submit">
          {fetching ? t('meetings.actions.adding') : t('meetings.actions.add')}
        </button>
      </div>
      <div aria-live="polite" className="live">
        {problem ? (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        ) : added ? (
          <p className="visually-hidden">{added}</p>
        ) : null}
      </div>
    </form>
  );
}
