import { useId } from 'react';
import type { SessionUser } from '../../app/session-store';
import { ChannelConnections } from './channel-connections';
import { GoogleConnectionCard } from './google-connection-card';
import { WebhookEvents } from './webhook-events';

/**
 * For admins: how each customer channel is connected, and the provider events that could not
 * be applied. The nav shows this page to admins only; a staff member with the link gets a
 * sentence instead of the API's refusal.
 */
export function ChannelsPage({ me }: { me: SessionUser }) {
  const headingId = useId();
  return (
    <section className="page" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Channels</h1>
          <p className="muted">How customer channels are connected, and provider events that could not be applied.</p>
        </div>
      </header>
      {me.role === 'ADMIN' ? (
        <>
          <ChannelConnections />
          <GoogleConnectionCard />
          <WebhookEvents />
        </>
      ) : (
        <p className="notice notice--info">Only admins can see channel connections and webhook events.</p>
      )}
    </section>
  );
}
