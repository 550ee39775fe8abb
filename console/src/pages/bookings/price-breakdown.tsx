import { useId } from 'react';
import { dollars } from '../../components/labels';
import type { BookingFieldsFragment } from '../../graphql/generated/graphql';

type Price = BookingFieldsFragment['price'];

function Line({ label, detail, cents, testId, strong }: { label: string; detail?: string; cents: number; testId: string; strong?: boolean }) {
  return (
    <tr className={strong ? 'price__total' : undefined}>
      <th scope="row">
        {label}
        {detail && <span className="hint price__detail">{detail}</span>}
      </th>
      <td className="numeric money" data-testid={testId}>
        {dollars(cents)}
      </td>
    </tr>
  );
}

/** What the event costs, line by line as the server priced it (the prices it was quoted at). */
export function PriceBreakdown({ price, cancelled }: { price: Price; cancelled: boolean }) {
  const id = useId();
  return (
    <section className="card booking-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Price breakdown</h2>
      <table className="price">
        <tbody>
          <Line label="Adults" detail={`${price.adults} × ${dollars(price.pricePerAdultCents)}`} cents={price.adults * price.pricePerAdultCents} testId="price-adults" />
          <Line label="Kids" detail={`${price.kids} × ${dollars(price.pricePerKidCents)}`} cents={price.kids * price.pricePerKidCents} testId="price-kids" />
          <Line label="Food" cents={price.foodCents} testId="price-food" />
          {price.minimumTopUpCents > 0 && (
            <Line label="Minimum spend top-up" detail={`Brings the food to the ${dollars(price.minimumSpendCents)} minimum`} cents={price.minimumTopUpCents} testId="price-minimum-top-up" />
          )}
          <Line label="Travel fee" cents={price.travelFeeCents} testId="price-travel-fee" />
          <Line label="Total" cents={price.totalCents} testId="price-total" strong />
        </tbody>
        <tbody className="price__payments">
          <Line label="Deposit" detail="Part of the total" cents={price.depositCents} testId="price-deposit" />
          <Line label="Paid" cents={price.paidCents} testId="price-paid" />
          <Line label="Balance" detail={cancelled ? 'Not due: the booking is cancelled' : 'Total less what is paid'} cents={price.balanceCents} testId="price-balance" strong />
        </tbody>
      </table>
    </section>
  );
}
