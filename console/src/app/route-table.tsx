import type { ComponentType } from 'react';
import { Navigate, useParams, type RouteObject } from 'react-router';
import { AlertsPage } from '../pages/alerts/alerts-page';
import { OutboxPage } from '../pages/outbox/outbox-page';
import { BankPage } from '../pages/bank/bank-page';
import { BookingPage } from '../pages/bookings/booking-page';
import { BookingsPage } from '../pages/bookings/bookings-page';
import { NewBookingPage } from '../pages/bookings/new-booking-page';
import { ChannelsPage } from '../pages/channels/channels-page';
import { ConversationPage } from '../pages/conversations/conversation-page';
import { ConversationsPage } from '../pages/conversations/conversations-page';
import { DashboardPage } from '../pages/dashboard/dashboard-page';
import { EscalationsPage } from '../pages/escalations/escalations-page';
import { ExtensionsPage } from '../pages/extensions/extensions-page';
import { PaymentsPage } from '../pages/payments/payments-page';
import { ReviewsPage } from '../pages/reviews/reviews-page';
import { DayRoutePage } from '../pages/route/day-route-page';
import { StaffPage } from '../pages/staff/staff-page';
import { TasksPage } from '../pages/tasks/tasks-page';
import { CannedRepliesPage } from '../pages/canned-replies/canned-replies-page';
import { CustomerPage } from '../pages/customers/customer-page';
import { SearchPage } from '../pages/search/search-page';
import { TermsPage } from '../pages/terms/terms-page';
import { TravelPage } from '../pages/travel/travel-page';
import { useSignedIn } from './console-context';
import { ConsoleShell } from './console-shell';
import { createConsoleRouter } from './routes';
import type { SessionUser } from './session-store';

/** A page that is told who is signed in. */
function withMe(Page: ComponentType<{ me: SessionUser }>): ComponentType {
  return function PageForSignedInUser() {
    return <Page me={useSignedIn().user} />;
  };
}

function ConversationRoute() {
  const { conversationId = '' } = useParams();
  // Keyed: another thread is a fresh page (its own subscription, composer and notices).
  return <ConversationPage key={conversationId} conversationId={conversationId} me={useSignedIn().user} />;
}

function CustomerRoute() {
  const { customerId = '' } = useParams();
  return <CustomerPage key={customerId} customerId={customerId} />;
}

function BookingRoute() {
  const { bookingId = '' } = useParams();
  return <BookingPage key={bookingId} bookingId={bookingId} />;
}

/** The queue is what staff keep open, so it is also where "#/" and an unknown link land. */
const TO_QUEUE = <Navigate to="/escalations" replace />;

/** Every console page and its path (under the shell's top bar): the one place a page is added. */
export const CONSOLE_PAGES: RouteObject[] = [
  { index: true, element: TO_QUEUE },
  { path: 'dashboard', Component: DashboardPage },
  { path: 'escalations', Component: withMe(EscalationsPage) },
  { path: 'conversations', Component: withMe(ConversationsPage) },
  { path: 'conversations/:conversationId', Component: ConversationRoute },
  { path: 'bookings', Component: BookingsPage },
  { path: 'bookings/new', Component: NewBookingPage },
  { path: 'bookings/:bookingId', Component: BookingRoute },
  { path: 'payments', Component: withMe(PaymentsPage) },
  { path: 'route', Component: DayRoutePage },
  { path: 'travel', Component: TravelPage },
  { path: 'terms', Component: withMe(TermsPage) },
  { path: 'extensions', Component: withMe(ExtensionsPage) },
  { path: 'canned-replies', Component: withMe(CannedRepliesPage) },
  { path: 'channels', Component: withMe(ChannelsPage) },
  { path: 'staff', Component: withMe(StaffPage) },
  { path: 'bank', Component: BankPage },
  { path: 'customers/:customerId', Component: CustomerRoute },
  { path: 'search', Component: SearchPage },
  { path: 'alerts', Component: AlertsPage },
  { path: 'outbox', Component: OutboxPage },
  { path: 'reviews', Component: ReviewsPage },
  { path: 'tasks', Component: TasksPage },
  { path: '*', element: TO_QUEUE },
];

export const consoleRouter = createConsoleRouter([{ path: '/', Component: ConsoleShell, children: CONSOLE_PAGES }]);
