// Categories in the admin area: the list with each category's names in the five languages,
// adding one, and renaming one in place. English is required; another language left empty shows
// the English name (its field says so by showing it as the placeholder).
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@council/shared';
import { AdminCategoriesQuery, CreateCategoryMutation, UpdateCategoryMutation, type AdminCategory } from './documents';
import { StatusLine, type Status } from './components';
import { LANGUAGE_NAMES } from '../../app/i18n';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Field, FormError } from '../../ui/Field';
import { EmptyState, LoadFailed, Loading } from '../../ui/States';

const CATEGORIES_CONTEXT = { additionalTypenames: ['Category'] };
const OTHER_LOCALES = LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== 'en');
type Names = Record<Locale, string>;

export function CategoriesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.categories.title'));
  const [{ data, fetching, error }, reexecute] = useQuery({ query: AdminCategoriesQuery, context: CATEGORIES_CONTEXT });
  const [status, setStatus] = useState<Status | null>(null);

  return (
    <div className="page admin-page">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('admin.categories.title')}</h1>
          <p className="page-head__lead">{t('admin.categories.lead')}</p>
        </div>
      </div>

      <section className="card admin-card" aria-labelledby="categories-list-heading">
        <h2 id="categories-list-heading" className="card__title">
          {t('admin.categories.listHeading')}
        </h2>
        <StatusLine status={status} testId="categories-status" />
        {!data && fetching ? <Loading label={t('admin.categories.loading')} /> : null}
        {!data && error ? <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
        {data && data.categories.length === 0 ? <EmptyState title={t('admin.categories.empty')} /> : null}
        {data && data.categories.length > 0 ? (
          <ul className="admin-list admin-list--flat" data-testid="categories-list">
            {data.categories.map((c) => (
              <CategoryRow key={c.id} category={c} onStatus={setStatus} />
            ))}
          </ul>
        ) : null}
      </section>

      <section className="card admin-card" aria-labelledby="category-create-heading">
        <h2 id="category-create-heading" className="card__title">
          {t('admin.categories.createHeading')}
        </h2>
        <CategoryForm onSaved={(c) => setStatus({ ok: true, message: t('admin.categories.created', { name: c.translations.en }) })} />
      </section>
    </div>
  );
}

function CategoryRow({ category, onStatus }: { category: AdminCategory; onStatus: (s: Status | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState(false);
  return (
    <li className="admin-row" data-testid="category-row" data-name={category.translations.en}>
      <div className="admin-row__main">
        <p className="admin-row__title" id={`${id}-name`} lang="en">
          {category.translations.en}
        </p>
        <dl className="admin-names">
          {OTHER_LOCALES.map((l) => (
            <div key={l} className="admin-names__item">
              <dt>{LANGUAGE_NAMES[l]}</dt>
              <dd lang={category.translations[l] ? l : 'en'} data-testid={`category-name-${l}`}>
                {category.translations[l] ?? <span className="muted">{t('admin.categories.missing')}</span>}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      {!editing ? (
        <div className="admin-row__side">
          <button
            type="button"
            className="btn"
            aria-describedby={`${id}-name`}
            onClick={() => {
              onStatus(null);
              setEditing(true);
            }}
            data-testid="category-edit"
          >
            {t('admin.edit')}
          </button>
        </div>
      ) : (
        <div className="admin-row__wide">
          <CategoryForm
            category={category}
            onCancel={() => setEditing(false)}
            onSaved={(c) => {
              setEditing(false);
              onStatus({ ok: true, message: t('admin.categories.saved', { name: c.translations.en }) });
            }}
          />
        </div>
      )}
    </li>
  );
}

function namesOf(category: AdminCategory | undefined): Names {
  const tr = category?.translations;
  return { en: tr?.en ?? '', de: tr?.de ?? '', da: tr?.da ?? '', es: tr?.es ?? '', vi: tr?.vi ?? '' };
}

/** Adding a category (no `category`) or renaming one, in English and the other languages. */
function CategoryForm({ category, onCancel, onSaved }: { category?: AdminCategory; onCancel?: () => void; onSaved: (category: AdminCategory) => void }) {
  const { t } = useTranslation();
  const [names, setNames] = useState<Names>(() => namesOf(category));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching: creating }, create] = useMutation(CreateCategoryMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateCategoryMutation);
  const busy = creating || updating;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    // Empty: no name in that language (the English one shows).
    const input = { name: names.en, translations: { de: names.de || null, da: names.da || null, es: names.es || null, vi: names.vi || null } };
    const result = category ? await update({ categoryId: category.id, input }, CATEGORIES_CONTEXT) : await create({ input }, CATEGORIES_CONTEXT);
    if (result.error) {
      const fields = fieldErrors(result.error);
      setErrors(fields);
      if (!Object.keys(fields).length) setProblem(errorMessage(result.error, t));
      return;
    }
    setErrors({});
    const saved = result.data && ('updateCategory' in result.data ? result.data.updateCategory : result.data.createCategory);
    if (!category) setNames(namesOf(undefined));
    if (saved) onSaved(saved);
  }

  const prefix = category ? 'category-edit' : 'category-new';
  // The server names a translation's field "translations.de" (or "de"); the English one "name".
  const errorOf = (l: Locale) => (l === 'en' ? (errors.name ?? errors['translations.en']) : (errors[`translations.${l}`] ?? errors[l]));
  return (
    <form className="form admin-form" onSubmit={onSubmit} noValidate data-testid={`${prefix}-form`}>
      <FormError message={problem} />
      <p className="field__hint">{t('admin.categories.fallbackHint')}</p>
      <div className="admin-form__grid">
        {LOCALES.map((l) => (
          <Field
            key={l}
            label={t('admin.categories.nameIn', { language: LANGUAGE_NAMES[l] })}
            optionalLabel={l === 'en' ? undefined : t('admin.optional')}
            error={errorOf(l)}
            className={l === 'en' ? 'admin-form__full' : undefined}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                lang={l}
                value={names[l]}
                // What shows in this language while it has no name of its own.
                placeholder={l === 'en' ? undefined : names.en}
                required={l === 'en'}
                autoFocus={!!category && l === 'en'}
                onChange={(e) => setNames((n) => ({ ...n, [l]: e.target.value }))}
                data-testid={`${prefix}-${l}`}
              />
            )}
          </Field>
        ))}
      </div>
      <div className="form__actions">
        {onCancel ? (
          <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={busy}>
            {t('admin.cancel')}
          </button>
        ) : null}
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid={`${prefix}-submit`}>
          {category ? (busy ? t('admin.categories.saving') : t('admin.categories.save')) : busy ? t('admin.categories.creating') : t('admin.categories.create')}
        </button>
      </div>
    </form>
  );
}
