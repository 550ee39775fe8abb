import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { customerLabel, dollars, eventDay } from '../../components/labels';
import type { NoticeMessage } from '../../components/notice';
import { describeError, FormAlert } from '../../components/user-errors';
import type { DayRouteFieldsFragment } from '../../graphql/generated/graphql';
import { applyClusterDiscountsMutation } from '../../graphql/operations';
import { ModalDialog } from '../../components/modal-dialog';

/** One booking whose travel fee the clustering rule sets to another amount. */
export interface FeeChange {
  bookingId: string;
  customer: string;
  fromCents: number;
  toCents: number;
}

/** The fees applying the discounts would change, in route order. */
export function feeChanges(stops: DayRouteFieldsFragment['stops']): FeeChange[] {
  return stops
    .filter((stop) => stop.clusteredTravelFeeCents !== stop.travelFeeCents)
    .map((stop) => ({ bookingId: stop.booking.id, customer: customerLabel(stop.booking.customer), fromCents: stop.travelFeeCents, toCents: stop.clusteredTravelFeeCents }));
}

/** "Jordan Lee $16.00 → $8.00". */
export function describeChange(change: FeeChange): string {
  return `${change.customer} ${dollars(change.fromCents)} → ${dollars(change.toCents)}`;
}

/**
 * Confirms setting the day's travel fees to what the clustering rule gives: each change is listed
 * first, since it changes what those customers owe. The server applies the rule to the route as it
 * stands then; what it changed is read from its answer, not assumed from this list.
 */
export function ApplyDiscountsDialog({
  date,
  stops,
  onClose,
}: {
  date: string;
  stops: DayRouteFieldsFragment['stops'];
  onClose: (result: { changed: FeeChange[]; notice: NoticeMessage } | null) => void;
}) {
  const id = useId();
  const [apply, { loading }] = useMutation(applyClusterDiscountsMutation);
  const [problem, setProblem] = useState<string[]>([]);
  const changes = feeChanges(stops);


  async function confirm() {
    setProblem([]);
    try {
      const { data } = await apply({ variables: { date } });
      const payload = data?.applyClusterDiscounts;
      if (payload?.userErrors.length) return setProblem(payload.userErrors.map((error) => error.message));
      // What changed is the fee each booking had before against the one it has now.
      const before = new Map(stops.map((stop) => [stop.booking.id, stop.travelFeeCents]));
      const changed: FeeChange[] = (payload?.route?.stops ?? [])
        .filter((stop) => before.has(stop.booking.id) && before.get(stop.booking.id) !== stop.travelFeeCents)
        .map((stop) => ({ bookingId: stop.booking.id, customer: customerLabel(stop.booking.customer), fromCents: before.get(stop.booking.id)!, toCents: stop.travelFeeCents }));
      const text =
        changed.length === 0
          ? 'Nothing changed: the fees already matched the clustering rule, or the bookings changed meanwhile.'
          : `Cluster discounts applied to ${changed.length === 1 ? '1 booking' : `${changed.length} bookings`}: ${changed.map(describeChange).join('; ')}.`;
      onClose({ changed, notice: { kind: 'success', text } });
    } catch (failure) {
      setProblem([describeError(failure)]);
    }
  }

  return (
    <ModalDialog titleId={`${id}-title`} wide busy={loading} onDismiss={() => onClose(null)}>
      <h2 id={`${id}-title`}>Apply cluster discounts?</h2>
      <p>These travel fees for {eventDay(date, 'long')} change:</p>
      <ul className="fee-changes" data-testid="fee-changes">
        {changes.map((change) => (
          <li key={change.bookingId}>
            <span>{change.customer}</span>{' '}
            <span className="numeric nowrap">
              <s>{dollars(change.fromCents)}</s> → <strong>{dollars(change.toCents)}</strong>
            </span>
          </li>
        ))}
      </ul>
      <p className="muted">Each booking’s total and balance change with it. Customers are not told automatically.</p>
      <FormAlert messages={problem} title="Could not apply the discounts" />
      <div className="actions actions--end">
        <button type="button" className="button" disabled={loading} onClick={() => onClose(null)}>
          Keep fees
        </button>
        <button type="button" className="button button--primary" disabled={loading} onClick={() => void confirm()}>
          {loading ? 'Applying…' : 'Apply discounts'}
        </button>
      </div>
    </ModalDialog>
  );
}
