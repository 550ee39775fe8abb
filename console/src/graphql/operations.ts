import { graphql } from './generated';

/**
 * Every operation the console sends. `pnpm codegen` reads these (and schema/schema.graphql)
 * and writes typed documents to ./generated, so results and variables are checked by tsc.
 */

export const userErrorFieldsFragment = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);

export const staffUserFieldsFragment = graphql(`
  fragment StaffUserFields on StaffUser {
    id
    email
    displayName
    role
  }
`);

/** Every field the extensions table and forms show; the subscription asks for the same. */
export const extensionFieldsFragment = graphql(`
  fragment ExtensionFields on Extension {
    id
    number
    employeeName
    role
    phone
    status
    availableNow
    availabilityChangesAt
    isPrimaryEscalation
    staffUserId
    workingHours {
      day
      start
      end
    }
    updatedAt
  }
`);

export const meQuery = graphql(`
  query Me {
    me {
      ...StaffUserFields
    }
  }
`);

export const loginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      expiresAt
      staffUser {
        ...StaffUserFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const logoutMutation = graphql(`
  mutation Logout {
    logout {
      ok
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const extensionsQuery = graphql(`
  query Extensions($first: Int!) {
    extensions(first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...ExtensionFields
        }
      }
    }
  }
`);

export const createExtensionMutation = graphql(`
  mutation CreateExtension($input: CreateExtensionInput!) {
    createExtension(input: $input) {
      extension {
        ...ExtensionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateExtensionMutation = graphql(`
  mutation UpdateExtension($input: UpdateExtensionInput!) {
    updateExtension(input: $input) {
      extension {
        ...ExtensionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const deleteExtensionMutation = graphql(`
  mutation DeleteExtension($id: ID!) {
    deleteExtension(id: $id) {
      deletedExtensionId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const setExtensionStatusMutation = graphql(`
  mutation SetExtensionStatus($id: ID!, $status: ExtensionStatus!) {
    setExtensionStatus(id: $id, status: $status) {
      extension {
        ...ExtensionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const setPrimaryEscalationExtensionMutation = graphql(`
  mutation SetPrimaryEscalationExtension($id: ID!) {
    setPrimaryEscalationExtension(id: $id) {
      extension {
        ...ExtensionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const extensionUpdatedSubscription = graphql(`
  subscription ExtensionUpdated {
    extensionUpdated {
      change
      occurredAt
      extension {
        ...ExtensionFields
      }
    }
  }
`);

/* Conversations, escalations and live takeover. */

export const messageFieldsFragment = graphql(`
  fragment MessageFields on Message {
    id
    direction
    author
    channel
    text
    senderName
    deliveryStatus
    via
    createdAt
  }
`);

/** What the queue shows for each open escalation; the live events carry the same. */
export const escalationFieldsFragment = graphql(`
  fragment EscalationFields on Escalation {
    id
    version
    status
    reason
    createdAt
    assignedAt
    resolvedAt
    assignedExtension {
      id
      number
      employeeName
    }
    takenOverBy {
      id
      displayName
    }
    handedOverBy {
      id
      displayName
    }
    upset
    handoff {
      channel
      customerName
      reasonText
      lastCustomerMessage
      quote
      details {
        field
        value
        confidence
      }
    }
    routingLog {
      createdAt
      explanation
    }
    # The thread's holder and stage change with the escalation: every view of it stays current.
    conversation {
      ...ConversationSummaryFields
    }
  }
`);

/** How new the cached copy of an escalation is, to ignore a live event that arrives late. */
export const escalationVersionFragment = graphql(`
  fragment EscalationVersion on Escalation {
    version
  }
`);

/** A thread as the list and the header of the conversation view show it. */
export const conversationSummaryFieldsFragment = graphql(`
  fragment ConversationSummaryFields on Conversation {
    id
    channel
    stage
    aiPaused
    handoffStatus
    lastMessageAt
    customer {
      id
      name
      phone
      email
    }
    heldBy {
      id
      displayName
    }
    assignedExtension {
      id
      number
      employeeName
    }
    openEscalation {
      id
      status
      reason
    }
  }
`);

export const escalationsQuery = graphql(`
  query Escalations($first: Int!) {
    escalations(first: $first) {
      totalCount
      edges {
        node {
          ...EscalationFields
          conversation {
            id
            ...ConversationInboxFields
          }
        }
      }
    }
  }
`);

export const conversationsQuery = graphql(`
  query Conversations($first: Int!, $after: String, $stage: ConversationStage, $channel: Channel, $escalated: Boolean) {
    conversations(first: $first, after: $after, stage: $stage, channel: $channel, escalated: $escalated) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ConversationSummaryFields
          ...ConversationInboxFields
          lastMessage {
            id
            text
            author
            createdAt
          }
        }
      }
    }
  }
`);

export const conversationQuery = graphql(`
  query Conversation($id: ID!, $messagesAfter: String) {
    conversation(id: $id) {
      ...ConversationSummaryFields
      ...ConversationInboxFields
      failedAttempts
      bookingDraft {
        field
        value
        confidence
      }
      openEscalation {
        ...EscalationFields
      }
      messages(first: 100, after: $messagesAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...MessageFields
          }
        }
      }
    }
  }
`);

export const takeOverConversationMutation = graphql(`
  mutation TakeOverConversation($conversationId: ID!) {
    takeOverConversation(conversationId: $conversationId) {
      conversation {
        ...ConversationSummaryFields
      }
      escalation {
        ...EscalationFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const resendMessageMutation = graphql(`
  mutation ResendMessage($messageId: ID!) {
    resendMessage(messageId: $messageId) {
      message {
        ...MessageFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const sendStaffReplyMutation = graphql(`
  mutation SendStaffReply($conversationId: ID!, $text: String!) {
    sendStaffReply(conversationId: $conversationId, text: $text) {
      message {
        ...MessageFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const releaseConversationMutation = graphql(`
  mutation ReleaseConversation($conversationId: ID!) {
    releaseConversation(conversationId: $conversationId) {
      conversation {
        ...ConversationSummaryFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const handOverConversationMutation = graphql(`
  mutation HandOverConversation($conversationId: ID!, $toStaffUserId: ID!) {
    handOverConversation(conversationId: $conversationId, toStaffUserId: $toStaffUserId) {
      conversation {
        ...ConversationSummaryFields
      }
      escalation {
        ...EscalationFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const handoverColleaguesQuery = graphql(`
  query HandoverColleagues {
    handoverColleagues {
      id
      displayName
      role
    }
  }
`);

export const resolveEscalationMutation = graphql(`
  mutation ResolveEscalation($escalationId: ID!, $closingMessage: String) {
    resolveEscalation(escalationId: $escalationId, closingMessage: $closingMessage) {
      escalation {
        ...EscalationFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const escalationRaisedSubscription = graphql(`
  subscription EscalationRaised {
    escalationRaised {
      ...EscalationFields
    }
  }
`);

export const escalationUpdatedSubscription = graphql(`
  subscription EscalationUpdated {
    escalationUpdated {
      ...EscalationFields
    }
  }
`);

export const conversationMessageAddedSubscription = graphql(`
  subscription ConversationMessageAdded($conversationId: ID!) {
    conversationMessageAdded(conversationId: $conversationId) {
      conversationId
      message {
        ...MessageFields
      }
    }
  }
`);

/** A message's delivery status moved (sent, delivered, not confirmed, queued again): its cached fields are replaced. */
export const conversationMessageUpdatedSubscription = graphql(`
  subscription ConversationMessageUpdated($conversationId: ID!) {
    conversationMessageUpdated(conversationId: $conversationId) {
      conversationId
      message {
        ...MessageFields
      }
    }
  }
`);

/* Channels: connections and the webhook inbox (admins only). */

/** ChannelConnection has no id: Apollo keeps the list under the query, refetched after a sync. */
export const channelConnectionFieldsFragment = graphql(`
  fragment ChannelConnectionFields on ChannelConnection {
    provider
    configured
    sender
    subscriptionId
    subscriptionExpiresAt
    status
    lastError
  }
`);

export const channelConnectionsQuery = graphql(`
  query ChannelConnections {
    channelConnections {
      ...ChannelConnectionFields
    }
  }
`);

/** The connections as they are now, whenever the server writes one. */
export const channelConnectionsChangedSubscription = graphql(`
  subscription ChannelConnectionsChanged {
    channelConnectionsChanged {
      ...ChannelConnectionFields
    }
  }
`);

/**
 * Only userErrors are asked for: the page reads the connections back with the query either
 * way, since a refused sync also changes them (status ERROR, lastError).
 */
export const syncChannelSubscriptionsMutation = graphql(`
  mutation SyncChannelSubscriptions {
    syncChannelSubscriptions {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const webhookEventFieldsFragment = graphql(`
  fragment WebhookEventFields on WebhookEvent {
    id
    provider
    kind
    status
    attempts
    lastError
    receivedAt
    appliedAt
    payload
  }
`);

export const webhookEventsQuery = graphql(`
  query WebhookEvents($status: WebhookEventStatus, $first: Int!) {
    webhookEvents(status: $status, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...WebhookEventFields
        }
      }
    }
  }
`);

export const webhookEventChangedSubscription = graphql(`
  subscription WebhookEventChanged {
    webhookEventChanged {
      webhookEventId
      status
      attempts
      lastError
      appliedAt
    }
  }
`);

export const retryWebhookEventMutation = graphql(`
  mutation RetryWebhookEvent($id: ID!) {
    retryWebhookEvent(id: $id) {
      webhookEvent {
        ...WebhookEventFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/* Bookings. */

/** Everything the bookings list and a booking's page show; the live event and the mutations ask for the same. */
export const bookingFieldsFragment = graphql(`
  fragment BookingFields on Booking {
    id
    version
    status
    eventDate
    startTime
    startsAt
    address
    adults
    kids
    partySize
    dietaryNotes
    smsConsent
    sourceChannel
    createdAt
    updatedAt
    confirmedAt
    completedAt
    cancelledAt
    cancellationReason
    customer {
      id
      name
      phone
      email
    }
    conversation {
      id
      channel
    }
    price {
      adults
      kids
      pricePerAdultCents
      pricePerKidCents
      foodCents
      minimumSpendCents
      minimumTopUpCents
      travelFeeCents
      totalCents
      depositCents
      paidCents
      balanceCents
    }
  }
`);

/** How new the cached copy of a booking is, to ignore a live event that arrives late. */
export const bookingVersionFragment = graphql(`
  fragment BookingVersion on Booking {
    version
  }
`);

/** A travel quote as the booking page, the calculator and its history show it. */
export const travelQuoteFieldsFragment = graphql(`
  fragment TravelQuoteFields on TravelQuote {
    id
    address
    formattedAddress
    miles
    driveMinutes
    feeCents
    band
    bandLabel
    declined
    declineReason
    estimate
    provider
    departureAt
    createdAt
  }
`);

/** The evidence record of a booking's acceptance of the terms. Records never change once written. */
export const termsAcknowledgmentFieldsFragment = graphql(`
  fragment TermsAcknowledgmentFields on TermsAcknowledgment {
    id
    sequence
    channel
    replyText
    providerMessageId
    fromAddress
    signatureVerified
    receivedAt
    ip
    userAgent
    contentSha256
    previousSha256
    termsSha256
    createdAt
    termsVersion {
      id
      label
      title
    }
    recordedBy {
      id
      displayName
    }
  }
`);

/**
 * A booking as its page shows it: the list's fields, its travel quote and its terms evidence.
 * The live event and the mutations ask for the same, so an open page never misses a change.
 */
export const bookingDetailFieldsFragment = graphql(`
  fragment BookingDetailFields on Booking {
    ...BookingFields
    travelQuote {
      ...TravelQuoteFields
    }
    termsAcknowledgment {
      ...TermsAcknowledgmentFields
    }
  }
`);

export const bookingsQuery = graphql(`
  query Bookings(
    $first: Int!
    $after: String
    $status: [BookingStatus!]
    $eventDateFrom: String
    $eventDateTo: String
    $sourceChannel: Channel
    $search: String
  ) {
    bookings(
      first: $first
      after: $after
      status: $status
      eventDateFrom: $eventDateFrom
      eventDateTo: $eventDateTo
      sourceChannel: $sourceChannel
      search: $search
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...BookingFields
        }
      }
    }
  }
`);

export const bookingQuery = graphql(`
  query Booking($id: ID!) {
    booking(id: $id) {
      ...BookingDetailFields
    }
  }
`);

export const createBookingMutation = graphql(`
  mutation CreateBooking($input: CreateBookingInput!) {
    createBooking(input: $input) {
      booking {
        ...BookingDetailFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Details, or `status: PENDING_TERMS` to send the terms of an inquiry. */
export const updateBookingMutation = graphql(`
  mutation UpdateBooking($input: UpdateBookingInput!) {
    updateBooking(input: $input) {
      booking {
        ...BookingDetailFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const cancelBookingMutation = graphql(`
  mutation CancelBooking($input: CancelBookingInput!) {
    cancelBooking(input: $input) {
      booking {
        ...BookingDetailFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const bookingUpdatedSubscription = graphql(`
  subscription BookingUpdated {
    bookingUpdated {
      change
      occurredAt
      booking {
        ...BookingDetailFields
      }
    }
  }
`);

/* Travel quotes. */

export const quoteTravelMutation = graphql(`
  mutation QuoteTravel($input: QuoteTravelInput!) {
    quoteTravel(input: $input) {
      quote {
        ...TravelQuoteFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const travelQuotesQuery = graphql(`
  query TravelQuotes($first: Int!, $after: String) {
    travelQuotes(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...TravelQuoteFields
        }
      }
    }
  }
`);

/* A day's route. */

/** What a stop of the route shows of its booking; `version` keeps an older copy from overwriting a newer one. */
export const dayRouteFieldsFragment = graphql(`
  fragment DayRouteFields on DayRoute {
    date
    baseAddress
    estimate
    totalMiles
    totalMinutes
    clusterRadiusMiles
    clusterDiscountPercent
    stops {
      position
      milesFromPrevious
      minutesFromPrevious
      travelFeeCents
      clusteredTravelFeeCents
      clusterDiscountCents
      clusteredWith
      booking {
        id
        version
        status
        eventDate
        startTime
        address
        partySize
        customer {
          id
          name
          phone
          email
        }
      }
    }
    unreachable {
      id
      version
      status
      eventDate
      startTime
      address
      partySize
      customer {
        id
        name
        phone
        email
      }
    }
  }
`);

export const dayRouteQuery = graphql(`
  query DayRoute($date: String!) {
    dayRoute(date: $date) {
      ...DayRouteFields
    }
  }
`);

export const applyClusterDiscountsMutation = graphql(`
  mutation ApplyClusterDiscounts($date: String!) {
    applyClusterDiscounts(date: $date) {
      route {
        ...DayRouteFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** The first day from `from` on with a confirmed event: where the route page opens. */
export const nextConfirmedEventQuery = graphql(`
  query NextConfirmedEvent($from: String!) {
    bookings(first: 1, status: [CONFIRMED], eventDateFrom: $from) {
      edges {
        node {
          id
          eventDate
        }
      }
    }
  }
`);

/* Terms and their evidence. */

export const termsVersionFieldsFragment = graphql(`
  fragment TermsVersionFields on TermsVersion {
    id
    version
    label
    title
    text
    sha256
    isCurrent
    publishedAt
    url
    publishedBy {
      id
      displayName
    }
  }
`);

export const termsVersionsQuery = graphql(`
  query TermsVersions($first: Int!, $after: String) {
    currentTermsVersion {
      ...TermsVersionFields
    }
    termsVersions(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...TermsVersionFields
        }
      }
    }
  }
`);

/** The version a customer accepts when staff record an acceptance now. */
export const currentTermsVersionQuery = graphql(`
  query CurrentTermsVersion {
    currentTermsVersion {
      id
      label
      title
      url
    }
  }
`);

export const publishTermsVersionMutation = graphql(`
  mutation PublishTermsVersion($input: PublishTermsVersionInput!) {
    publishTermsVersion(input: $input) {
      termsVersion {
        ...TermsVersionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const verifyTermsEvidenceQuery = graphql(`
  query VerifyTermsEvidence {
    verifyTermsEvidence {
      ok
      checkedCount
      mismatchCount
      headSequence
      headSha256
      verifiedAt
      firstMismatch {
        acknowledgmentId
        sequence
        reason
      }
    }
  }
`);

/** A fresh signed link to the printable evidence page (it expires within minutes, so it is asked for on each click). */
export const printableEvidenceQuery = graphql(`
  query PrintableEvidence($bookingId: ID!) {
    termsEvidence(bookingId: $bookingId) {
      printableUrl
    }
  }
`);

export const recordTermsAcknowledgmentMutation = graphql(`
  mutation RecordTermsAcknowledgment($input: RecordTermsAcknowledgmentInput!) {
    recordTermsAcknowledgment(input: $input) {
      acknowledgment {
        ...TermsAcknowledgmentFields
        booking {
          ...BookingDetailFields
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const createDepositCheckoutMutation = graphql(`
  mutation CreateDepositCheckout($bookingId: ID!) {
    createDepositCheckout(bookingId: $bookingId) {
      checkout {
        id
        amountCents
        status
        provider
        url
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const bookingScheduledMessagesQuery = graphql(`
  query BookingScheduledMessages($id: ID!) {
    booking(id: $id) {
      id
      scheduledMessages {
        kind
        daysBefore
        dueAt
        sendAt
        status
        reason
        handledAt
        timeZone
        timeZoneSource
      }
    }
  }
`);
