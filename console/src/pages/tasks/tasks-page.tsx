import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { LoadFailed, Loading } from '../../components/query-status';
import { describeError } from '../../components/user-errors';
import { completeTaskMutation, openTasksQuery } from './tasks-operations';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const KIND_LABELS: Record<string, string> = {
  REVIEW_NO_RECORD: 'Unknown reviewer',
  REVIEW_FOLLOW_UP: 'Review follow-up',
};

function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.charAt(0) + kind.slice(1).toLowerCase().replaceAll('_', ' ');
}

/** Open tasks (created by the review policy and, later, other alerts), to complete. */
export function TasksPage() {
  const headingId = useId();
  const { data, error, refetch } = useQuery(openTasksQuery, { variables: { first: 100 }, fetchPolicy: 'cache-and-network' });
  const [complete, { loading }] = useMutation(completeTaskMutation);
  const [problem, setProblem] = useState<string | null>(null);

  async function done(id: string) {
    setProblem(null);
    try {
      const payload = (await complete({ variables: { input: { id } } })).data?.completeTask;
      if (payload?.userErrors.length) setProblem(payload.userErrors.map((e) => e.message).join(' '));
      await refetch();
    } catch (failure) {
      setProblem(describeError(failure));
    }
  }

  return (
    <section className="page" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Tasks</h1>
          <p className="muted">Things to follow up on. New ones go to the primary escalation extension’s staff member.</p>
        </div>
      </header>
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      )}
      {error ? (
        <LoadFailed what="tasks" error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <Loading what="tasks" />
      ) : data.tasks.edges.length === 0 ? (
        <p className="muted">Nothing to do.</p>
      ) : (
        <ul className="card-list" aria-label="Open tasks">
          {data.tasks.edges.map(({ node }) => (
            <li key={node.id} className="card" data-testid="task-item">
              <strong>{node.title}</strong> <span className="muted">· {kindLabel(node.kind)} · {when.format(new Date(node.createdAt))}</span>
              {node.detail && <p>{node.detail}</p>}
              <p className="muted">{node.assignedTo ? `For ${node.assignedTo.displayName}` : 'Not assigned'}</p>
              <div className="actions">
                <button type="button" className="button button--small" disabled={loading} onClick={() => void done(node.id)}>
                  Mark done
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
