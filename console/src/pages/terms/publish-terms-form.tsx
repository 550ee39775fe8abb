import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormField } from '../../components/form-field';
import { describeError, FormAlert, indexUserErrors, type UserErrorLike } from '../../components/user-errors';
import type { TermsVersionFieldsFragment } from '../../graphql/generated/graphql';
import { publishTermsVersionMutation } from '../../graphql/operations';
import { ModalDialog } from '../../components/modal-dialog';
import { FORM_LIMITS } from '../../components/form-limits';

type Published = Pick<TermsVersionFieldsFragment, 'label' | 'title'>;
const OWN_FIELDS = new Set(['title', 'text']);

/**
 * A new text of the terms (admins). Publishing is checked once more in a dialog, since a
 * published version can never be changed: it says what happens to acceptances already given.
 * Starts from the current text, as a new version is usually an edit of it.
 */
export function PublishTermsForm({ current, onDone }: { current: TermsVersionFieldsFragment | null; onDone: (published: Published | null) => void }) {
  const id = useId();
  const [title, setTitle] = useState(current?.title ?? '');
  const [text, setText] = useState(current?.text ?? '');
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [confirming, setConfirming] = useState(false);
  const { byField, general } = indexUserErrors(errors, (field) => (OWN_FIELDS.has(field) ? field : undefined));
  const unchanged = current !== null && text.replace(/\r\n?/g, '\n').trim() === current.text;

  function review(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: UserErrorLike[] = [];
    if (!title.trim()) missing.push({ field: 'title', message: 'Title: enter what customers see above the text, for example Booking terms and conditions.' });
    if (!text.trim()) missing.push({ field: 'text', message: 'Text: paste or type the full terms the customer accepts.' });
    setErrors(missing);
    if (missing.length === 0) setConfirming(true);
  }

  return (
    <form className="card publish-terms" aria-labelledby={`${id}-title`} noValidate onSubmit={review}>
      <h2 id={`${id}-title`}>Publish a new version</h2>
      <FormAlert messages={general} title="Could not publish" />
      <FormField id={`${id}-terms-title`} label="Title" messages={byField.get('title')} hint="What customers see above the text.">
        {(control) => <input {...control} value={title} maxLength={FORM_LIMITS.terms.title.maxLength} autoComplete="off" onChange={(e) => setTitle(e.target.value)} />}
      </FormField>
      <FormField id={`${id}-terms-text`} label="Text" messages={byField.get('text')} hint={unchanged ? 'This is the current text: change it before publishing.' : 'The full text, exactly as customers will read it.'}>
        {(control) => <textarea {...control} className="terms-editor" rows={14} maxLength={FORM_LIMITS.terms.text.maxLength} value={text} onChange={(e) => setText(e.target.value)} />}
      </FormField>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={unchanged}>
          Review and publish…
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
      {confirming && (
        <ConfirmPublish
          title={title.trim()}
          text={text}
          current={current}
          onClose={(outcome) => {
            setConfirming(false);
            if (outcome === null) return;
            if ('errors' in outcome) return setErrors(outcome.errors);
            onDone(outcome.published);
          }}
        />
      )}
    </form>
  );
}

/** The last step: what publishing does, then publish. A modal <dialog>: Escape or "Back" closes it. */
function ConfirmPublish(props: {
  title: string;
  text: string;
  current: TermsVersionFieldsFragment | null;
  onClose: (outcome: { published: Published } | { errors: UserErrorLike[] } | null) => void;
}) {
  const { title, text, current, onClose } = props;
  const id = useId();
  const [publish, { loading }] = useMutation(publishTermsVersionMutation);
  const [problem, setProblem] = useState<string[]>([]);


  async function confirm() {
    setProblem([]);
    try {
      const { data } = await publish({
        variables: { input: { title, text } },
        // The version that was current no longer is: the lists are read again.
        refetchQueries: ['TermsVersions', 'CurrentTermsVersion'],
        awaitRefetchQueries: true,
      });
      const payload = data?.publishTermsVersion;
      if (payload?.userErrors.length) return onClose({ errors: payload.userErrors });
      if (payload?.termsVersion) onClose({ published: payload.termsVersion });
    } catch (failure) {
      setProblem([describeError(failure)]);
    }
  }

  return (
    <ModalDialog titleId={`${id}-title`} wide busy={loading} onDismiss={() => onClose(null)}>
      <h2 id={`${id}-title`}>Publish “{title}”?</h2>
      <ul className="publish-terms__effects">
        <li>It becomes the current terms: every terms request from now on links to it{current ? `, instead of ${current.label}` : ''}.</li>
        <li>Customers who already accepted keep pointing at the version they accepted; their evidence does not change.</li>
        <li>An acceptance recorded from now on is of this version, replies to requests sent earlier included.</li>
        <li>A published version can never be edited or removed. To correct it, publish another.</li>
      </ul>
      <FormAlert messages={problem} title="Could not publish" />
      <div className="actions actions--end">
        <button type="button" className="button" disabled={loading} onClick={() => onClose(null)}>
          Back
        </button>
        <button type="button" className="button button--primary" disabled={loading} onClick={() => void confirm()}>
          {loading ? 'Publishing…' : 'Publish'}
        </button>
      </div>
    </ModalDialog>
  );
}
