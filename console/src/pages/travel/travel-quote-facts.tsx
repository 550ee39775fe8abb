import { dollars, driveTime, miles } from '../../components/labels';
import type { TravelQuoteFieldsFragment } from '../../graphql/generated/graphql';

/** What an offline estimate is, for the marker's explanation. */
export const ESTIMATE_EXPLAINED = 'Straight-line distance from ZIP or city centres times a road factor, at an average speed: no map provider is set up, so no road route or traffic.';

/** The marker on a figure that is an offline estimate, never a colour alone. */
export function EstimateMarker() {
  return (
    <span className="badge badge--estimate" title={ESTIMATE_EXPLAINED} data-testid="travel-estimate">
      Estimate
    </span>
  );
}

/**
 * A travel quote's facts: distance, drive time, service area, fee (or the sentence a declined
 * quote gives), and where the address was placed. `chargedCents` is what the booking is charged
 * now when that differs from the quote (a cluster discount applied).
 */
export function TravelQuoteFacts({ quote, chargedCents }: { quote: TravelQuoteFieldsFragment; chargedCents?: number }) {
  const discounted = chargedCents !== undefined && chargedCents !== quote.feeCents;
  return (
    <>
      {quote.declined && (
        <p className="notice notice--warning travel-decline" data-testid="travel-decline">
          {quote.declineReason ?? 'Outside the service area.'}
        </p>
      )}
      <dl className="facts">
        <div className="facts__row">
          <dt>Distance</dt>
          <dd>
            <span data-testid="travel-miles">{miles(quote.miles)}</span> {quote.estimate && <EstimateMarker />}
          </dd>
        </div>
        <div className="facts__row">
          <dt>Drive time</dt>
          <dd>
            <span data-testid="travel-drive">{driveTime(quote.driveMinutes)}</span>
            <span className="hint facts__detail">{quote.estimate ? 'at an average speed' : quote.departureAt ? 'with traffic at the event start' : 'typical traffic'}</span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>Service area</dt>
          <dd data-testid="travel-band" data-band={quote.band}>
            {quote.bandLabel}
          </dd>
        </div>
        <div className="facts__row facts__row--strong">
          <dt>Travel fee</dt>
          <dd data-testid="travel-fee">
            {quote.declined ? 'Declined' : discounted ? dollars(chargedCents) : quote.feeCents === 0 ? 'Free' : dollars(quote.feeCents)}
            {discounted && <span className="hint facts__detail">Quoted {dollars(quote.feeCents)}; a cluster discount applies</span>}
          </dd>
        </div>
        <div className="facts__row">
          <dt>Placed at</dt>
          <dd data-testid="travel-placed">{quote.formattedAddress}</dd>
        </div>
      </dl>
      {quote.estimate && <p className="hint">{ESTIMATE_EXPLAINED}</p>}
    </>
  );
}
