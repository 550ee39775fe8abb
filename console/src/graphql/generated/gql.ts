/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ChatMessageFields on Message {\n    id\n    author\n    senderName\n    text\n    createdAt\n  }\n": typeof types.ChatMessageFieldsFragmentDoc,
    "\n  mutation StartWebChatSession {\n    startWebChatSession {\n      sessionToken\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.StartWebChatSessionDocument,
    "\n  mutation SendWebChatMessage($sessionToken: String!, $text: String!) {\n    sendWebChatMessage(sessionToken: $sessionToken, text: $text) {\n      message {\n        ...ChatMessageFields\n      }\n      reply {\n        ...ChatMessageFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SendWebChatMessageDocument,
    "\n  subscription WebChatReply($sessionToken: String!) {\n    webChatReply(sessionToken: $sessionToken) {\n      ...ChatMessageFields\n    }\n  }\n": typeof types.WebChatReplyDocument,
    "\n  query WebChatHistory($sessionToken: String!) {\n    webChatHistory(sessionToken: $sessionToken) {\n      ...ChatMessageFields\n    }\n  }\n": typeof types.WebChatHistoryDocument,
    "\n  query WebChatWelcome {\n    webChatWelcome {\n      businessName\n      open\n      opensAt\n      afterHoursNotice\n    }\n  }\n": typeof types.WebChatWelcomeDocument,
    "\n  mutation SetWebChatTyping($sessionToken: String!, $typing: Boolean!) {\n    setWebChatTyping(sessionToken: $sessionToken, typing: $typing) {\n      ok\n    }\n  }\n": typeof types.SetWebChatTypingDocument,
    "\n  subscription WebChatTyping($sessionToken: String!) {\n    webChatTyping(sessionToken: $sessionToken) {\n      typing\n      name\n      expiresInSeconds\n    }\n  }\n": typeof types.WebChatTypingDocument,
    "\n  fragment BankConnectionFields on BankConnection {\n    id\n    institutionName\n    status\n    statusMessage\n    lastSyncedAt\n    lastSyncError\n    lastSync {\n      added\n      modified\n      removed\n    }\n    accounts {\n      id\n      name\n      mask\n      type\n      subtype\n    }\n  }\n": typeof types.BankConnectionFieldsFragmentDoc,
    "\n  query BankFeed {\n    bankFeed {\n      plaidConfigured\n      plaidEnvironment\n      connections {\n        ...BankConnectionFields\n      }\n    }\n  }\n": typeof types.BankFeedDocument,
    "\n  mutation CreatePlaidLinkToken($connectionId: ID) {\n    createPlaidLinkToken(connectionId: $connectionId) {\n      linkToken\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreatePlaidLinkTokenDocument,
    "\n  mutation ExchangePlaidPublicToken($publicToken: String!) {\n    exchangePlaidPublicToken(publicToken: $publicToken) {\n      connection {\n        ...BankConnectionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ExchangePlaidPublicTokenDocument,
    "\n  mutation SyncBankTransactions($connectionId: ID!) {\n    syncBankTransactions(connectionId: $connectionId) {\n      connection {\n        ...BankConnectionFields\n      }\n      synced {\n        added\n        modified\n        removed\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SyncBankTransactionsDocument,
    "\n  fragment GoogleConnectionFields on GoogleConnectionView {\n    configured\n    state\n    message\n    accountName\n    locationTitle\n    locationName\n    lastSyncedAt\n    lastSyncError\n    lastSync {\n      added\n      updated\n      unchanged\n      deleted\n    }\n  }\n": typeof types.GoogleConnectionFieldsFragmentDoc,
    "\n  query GoogleConnection {\n    googleConnection {\n      ...GoogleConnectionFields\n    }\n  }\n": typeof types.GoogleConnectionDocument,
    "\n  query GoogleLocations {\n    googleLocations {\n      name\n      title\n      accountName\n    }\n  }\n": typeof types.GoogleLocationsDocument,
    "\n  mutation ConnectGoogle {\n    connectGoogle {\n      consentUrl\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ConnectGoogleDocument,
    "\n  mutation SelectGoogleLocation($locationName: String!) {\n    selectGoogleLocation(locationName: $locationName) {\n      connection {\n        ...GoogleConnectionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SelectGoogleLocationDocument,
    "\n  mutation SyncGoogleReviews {\n    syncReviews {\n      connection {\n        ...GoogleConnectionFields\n      }\n      synced {\n        listed\n        added\n        updated\n        deleted\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SyncGoogleReviewsDocument,
    "\n  fragment ConversationInboxFields on Conversation {\n    unreadCount\n    lastCustomerMessage {\n      id\n      text\n      createdAt\n    }\n  }\n": typeof types.ConversationInboxFieldsFragmentDoc,
    "\n  fragment ConversationActivityFields on Conversation {\n    ...ConversationSummaryFields\n    lastCustomerMessage {\n      id\n      text\n      createdAt\n    }\n  }\n": typeof types.ConversationActivityFieldsFragmentDoc,
    "\n  query UnreadInHeldThreads {\n    unreadInHeldThreads\n  }\n": typeof types.UnreadInHeldThreadsDocument,
    "\n  query ConversationMessagesAfter($id: ID!, $afterMessage: ID!, $after: String) {\n    conversation(id: $id) {\n      id\n      messages(first: 100, afterMessage: $afterMessage, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConversationMessagesAfterDocument,
    "\n  mutation MarkConversationRead($conversationId: ID!, $upToMessageId: ID) {\n    markConversationRead(conversationId: $conversationId, upToMessageId: $upToMessageId) {\n      conversation {\n        id\n        unreadCount\n      }\n      userErrors {\n        message\n      }\n    }\n  }\n": typeof types.MarkConversationReadDocument,
    "\n  subscription ConversationActivity {\n    conversationActivity {\n      conversationId\n      message {\n        ...MessageFields\n      }\n      conversation {\n        ...ConversationActivityFields\n      }\n    }\n  }\n": typeof types.ConversationActivityDocument,
    "\n  subscription ConversationRead {\n    conversationRead {\n      conversationId\n      unreadInHeldThreads\n      conversation {\n        id\n        unreadCount\n      }\n    }\n  }\n": typeof types.ConversationReadDocument,
    "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n": typeof types.UserErrorFieldsFragmentDoc,
    "\n  fragment StaffUserFields on StaffUser {\n    id\n    email\n    displayName\n    role\n  }\n": typeof types.StaffUserFieldsFragmentDoc,
    "\n  fragment ExtensionFields on Extension {\n    id\n    number\n    employeeName\n    role\n    phone\n    status\n    availableNow\n    availabilityChangesAt\n    isPrimaryEscalation\n    staffUserId\n    workingHours {\n      day\n      start\n      end\n    }\n    updatedAt\n  }\n": typeof types.ExtensionFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...StaffUserFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staffUser {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      ok\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  query Extensions($first: Int!) {\n    extensions(first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...ExtensionFields\n        }\n      }\n    }\n  }\n": typeof types.ExtensionsDocument,
    "\n  mutation CreateExtension($input: CreateExtensionInput!) {\n    createExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateExtensionDocument,
    "\n  mutation UpdateExtension($input: UpdateExtensionInput!) {\n    updateExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateExtensionDocument,
    "\n  mutation DeleteExtension($id: ID!) {\n    deleteExtension(id: $id) {\n      deletedExtensionId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeleteExtensionDocument,
    "\n  mutation SetExtensionStatus($id: ID!, $status: ExtensionStatus!) {\n    setExtensionStatus(id: $id, status: $status) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SetExtensionStatusDocument,
    "\n  mutation SetPrimaryEscalationExtension($id: ID!) {\n    setPrimaryEscalationExtension(id: $id) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SetPrimaryEscalationExtensionDocument,
    "\n  subscription ExtensionUpdated {\n    extensionUpdated {\n      change\n      occurredAt\n      extension {\n        ...ExtensionFields\n      }\n    }\n  }\n": typeof types.ExtensionUpdatedDocument,
    "\n  fragment MessageFields on Message {\n    id\n    direction\n    author\n    channel\n    text\n    senderName\n    deliveryStatus\n    via\n    createdAt\n  }\n": typeof types.MessageFieldsFragmentDoc,
    "\n  fragment EscalationFields on Escalation {\n    id\n    version\n    status\n    reason\n    createdAt\n    assignedAt\n    resolvedAt\n    assignedExtension {\n      id\n      number\n      employeeName\n    }\n    takenOverBy {\n      id\n      displayName\n    }\n    handedOverBy {\n      id\n      displayName\n    }\n    upset\n    handoff {\n      channel\n      customerName\n      reasonText\n      lastCustomerMessage\n      quote\n      details {\n        field\n        value\n        confidence\n      }\n    }\n    routingLog {\n      createdAt\n      explanation\n    }\n    # The thread's holder and stage change with the escalation: every view of it stays current.\n    conversation {\n      ...ConversationSummaryFields\n    }\n  }\n": typeof types.EscalationFieldsFragmentDoc,
    "\n  fragment EscalationVersion on Escalation {\n    version\n  }\n": typeof types.EscalationVersionFragmentDoc,
    "\n  fragment ConversationSummaryFields on Conversation {\n    id\n    channel\n    stage\n    aiPaused\n    handoffStatus\n    lastMessageAt\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    heldBy {\n      id\n      displayName\n    }\n    assignedExtension {\n      id\n      number\n      employeeName\n    }\n    openEscalation {\n      id\n      status\n      reason\n    }\n  }\n": typeof types.ConversationSummaryFieldsFragmentDoc,
    "\n  query Escalations($first: Int!) {\n    escalations(first: $first) {\n      totalCount\n      edges {\n        node {\n          ...EscalationFields\n          conversation {\n            id\n            ...ConversationInboxFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.EscalationsDocument,
    "\n  query Conversations($first: Int!, $after: String, $stage: ConversationStage, $channel: Channel, $escalated: Boolean) {\n    conversations(first: $first, after: $after, stage: $stage, channel: $channel, escalated: $escalated) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ConversationSummaryFields\n          ...ConversationInboxFields\n          lastMessage {\n            id\n            text\n            author\n            createdAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConversationsDocument,
    "\n  query Conversation($id: ID!, $messagesAfter: String) {\n    conversation(id: $id) {\n      ...ConversationSummaryFields\n      ...ConversationInboxFields\n      failedAttempts\n      bookingDraft {\n        field\n        value\n        confidence\n      }\n      openEscalation {\n        ...EscalationFields\n      }\n      messages(first: 100, after: $messagesAfter) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConversationDocument,
    "\n  mutation TakeOverConversation($conversationId: ID!) {\n    takeOverConversation(conversationId: $conversationId) {\n      conversation {\n        ...ConversationSummaryFields\n      }\n      escalation {\n        ...EscalationFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.TakeOverConversationDocument,
    "\n  mutation ResendMessage($messageId: ID!) {\n    resendMessage(messageId: $messageId) {\n      message {\n        ...MessageFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ResendMessageDocument,
    "\n  mutation SendStaffReply($conversationId: ID!, $text: String!) {\n    sendStaffReply(conversationId: $conversationId, text: $text) {\n      message {\n        ...MessageFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SendStaffReplyDocument,
    "\n  mutation ReleaseConversation($conversationId: ID!) {\n    releaseConversation(conversationId: $conversationId) {\n      conversation {\n        ...ConversationSummaryFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ReleaseConversationDocument,
    "\n  mutation HandOverConversation($conversationId: ID!, $toStaffUserId: ID!) {\n    handOverConversation(conversationId: $conversationId, toStaffUserId: $toStaffUserId) {\n      conversation {\n        ...ConversationSummaryFields\n      }\n      escalation {\n        ...EscalationFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.HandOverConversationDocument,
    "\n  query HandoverColleagues {\n    handoverColleagues {\n      id\n      displayName\n      role\n    }\n  }\n": typeof types.HandoverColleaguesDocument,
    "\n  mutation ResolveEscalation($escalationId: ID!, $closingMessage: String) {\n    resolveEscalation(escalationId: $escalationId, closingMessage: $closingMessage) {\n      escalation {\n        ...EscalationFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ResolveEscalationDocument,
    "\n  subscription EscalationRaised {\n    escalationRaised {\n      ...EscalationFields\n    }\n  }\n": typeof types.EscalationRaisedDocument,
    "\n  subscription EscalationUpdated {\n    escalationUpdated {\n      ...EscalationFields\n    }\n  }\n": typeof types.EscalationUpdatedDocument,
    "\n  subscription ConversationMessageAdded($conversationId: ID!) {\n    conversationMessageAdded(conversationId: $conversationId) {\n      conversationId\n      message {\n        ...MessageFields\n      }\n    }\n  }\n": typeof types.ConversationMessageAddedDocument,
    "\n  subscription ConversationMessageUpdated($conversationId: ID!) {\n    conversationMessageUpdated(conversationId: $conversationId) {\n      conversationId\n      message {\n        ...MessageFields\n      }\n    }\n  }\n": typeof types.ConversationMessageUpdatedDocument,
    "\n  fragment ChannelConnectionFields on ChannelConnection {\n    provider\n    configured\n    sender\n    subscriptionId\n    subscriptionExpiresAt\n    status\n    lastError\n  }\n": typeof types.ChannelConnectionFieldsFragmentDoc,
    "\n  query ChannelConnections {\n    channelConnections {\n      ...ChannelConnectionFields\n    }\n  }\n": typeof types.ChannelConnectionsDocument,
    "\n  subscription ChannelConnectionsChanged {\n    channelConnectionsChanged {\n      ...ChannelConnectionFields\n    }\n  }\n": typeof types.ChannelConnectionsChangedDocument,
    "\n  mutation SyncChannelSubscriptions {\n    syncChannelSubscriptions {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SyncChannelSubscriptionsDocument,
    "\n  fragment WebhookEventFields on WebhookEvent {\n    id\n    provider\n    kind\n    status\n    attempts\n    lastError\n    receivedAt\n    appliedAt\n    payload\n  }\n": typeof types.WebhookEventFieldsFragmentDoc,
    "\n  query WebhookEvents($status: WebhookEventStatus, $first: Int!) {\n    webhookEvents(status: $status, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...WebhookEventFields\n        }\n      }\n    }\n  }\n": typeof types.WebhookEventsDocument,
    "\n  subscription WebhookEventChanged {\n    webhookEventChanged {\n      webhookEventId\n      status\n      attempts\n      lastError\n      appliedAt\n    }\n  }\n": typeof types.WebhookEventChangedDocument,
    "\n  mutation RetryWebhookEvent($id: ID!) {\n    retryWebhookEvent(id: $id) {\n      webhookEvent {\n        ...WebhookEventFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RetryWebhookEventDocument,
    "\n  fragment BookingFields on Booking {\n    id\n    version\n    status\n    eventDate\n    startTime\n    startsAt\n    address\n    adults\n    kids\n    partySize\n    dietaryNotes\n    smsConsent\n    sourceChannel\n    createdAt\n    updatedAt\n    confirmedAt\n    completedAt\n    cancelledAt\n    cancellationReason\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    conversation {\n      id\n      channel\n    }\n    price {\n      adults\n      kids\n      pricePerAdultCents\n      pricePerKidCents\n      foodCents\n      minimumSpendCents\n      minimumTopUpCents\n      travelFeeCents\n      totalCents\n      depositCents\n      paidCents\n      balanceCents\n    }\n  }\n": typeof types.BookingFieldsFragmentDoc,
    "\n  fragment BookingVersion on Booking {\n    version\n  }\n": typeof types.BookingVersionFragmentDoc,
    "\n  fragment TravelQuoteFields on TravelQuote {\n    id\n    address\n    formattedAddress\n    miles\n    driveMinutes\n    feeCents\n    band\n    bandLabel\n    declined\n    declineReason\n    estimate\n    provider\n    departureAt\n    createdAt\n  }\n": typeof types.TravelQuoteFieldsFragmentDoc,
    "\n  fragment TermsAcknowledgmentFields on TermsAcknowledgment {\n    id\n    sequence\n    channel\n    replyText\n    providerMessageId\n    fromAddress\n    signatureVerified\n    receivedAt\n    ip\n    userAgent\n    contentSha256\n    previousSha256\n    termsSha256\n    createdAt\n    termsVersion {\n      id\n      label\n      title\n    }\n    recordedBy {\n      id\n      displayName\n    }\n  }\n": typeof types.TermsAcknowledgmentFieldsFragmentDoc,
    "\n  fragment BookingDetailFields on Booking {\n    ...BookingFields\n    travelQuote {\n      ...TravelQuoteFields\n    }\n    termsAcknowledgment {\n      ...TermsAcknowledgmentFields\n    }\n  }\n": typeof types.BookingDetailFieldsFragmentDoc,
    "\n  query Bookings(\n    $first: Int!\n    $after: String\n    $status: [BookingStatus!]\n    $eventDateFrom: String\n    $eventDateTo: String\n    $sourceChannel: Channel\n    $search: String\n  ) {\n    bookings(\n      first: $first\n      after: $after\n      status: $status\n      eventDateFrom: $eventDateFrom\n      eventDateTo: $eventDateTo\n      sourceChannel: $sourceChannel\n      search: $search\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...BookingFields\n        }\n      }\n    }\n  }\n": typeof types.BookingsDocument,
    "\n  query Booking($id: ID!) {\n    booking(id: $id) {\n      ...BookingDetailFields\n    }\n  }\n": typeof types.BookingDocument,
    "\n  mutation CreateBooking($input: CreateBookingInput!) {\n    createBooking(input: $input) {\n      booking {\n        ...BookingDetailFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateBookingDocument,
    "\n  mutation UpdateBooking($input: UpdateBookingInput!) {\n    updateBooking(input: $input) {\n      booking {\n        ...BookingDetailFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateBookingDocument,
    "\n  mutation CancelBooking($input: CancelBookingInput!) {\n    cancelBooking(input: $input) {\n      booking {\n        ...BookingDetailFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CancelBookingDocument,
    "\n  subscription BookingUpdated {\n    bookingUpdated {\n      change\n      occurredAt\n      booking {\n        ...BookingDetailFields\n      }\n    }\n  }\n": typeof types.BookingUpdatedDocument,
    "\n  mutation QuoteTravel($input: QuoteTravelInput!) {\n    quoteTravel(input: $input) {\n      quote {\n        ...TravelQuoteFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.QuoteTravelDocument,
    "\n  query TravelQuotes($first: Int!, $after: String) {\n    travelQuotes(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...TravelQuoteFields\n        }\n      }\n    }\n  }\n": typeof types.TravelQuotesDocument,
    "\n  fragment DayRouteFields on DayRoute {\n    date\n    baseAddress\n    estimate\n    totalMiles\n    totalMinutes\n    clusterRadiusMiles\n    clusterDiscountPercent\n    stops {\n      position\n      milesFromPrevious\n      minutesFromPrevious\n      travelFeeCents\n      clusteredTravelFeeCents\n      clusterDiscountCents\n      clusteredWith\n      booking {\n        id\n        version\n        status\n        eventDate\n        startTime\n        address\n        partySize\n        customer {\n          id\n          name\n          phone\n          email\n        }\n      }\n    }\n    unreachable {\n      id\n      version\n      status\n      eventDate\n      startTime\n      address\n      partySize\n      customer {\n        id\n        name\n        phone\n        email\n      }\n    }\n  }\n": typeof types.DayRouteFieldsFragmentDoc,
    "\n  query DayRoute($date: String!) {\n    dayRoute(date: $date) {\n      ...DayRouteFields\n    }\n  }\n": typeof types.DayRouteDocument,
    "\n  mutation ApplyClusterDiscounts($date: String!) {\n    applyClusterDiscounts(date: $date) {\n      route {\n        ...DayRouteFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ApplyClusterDiscountsDocument,
    "\n  query NextConfirmedEvent($from: String!) {\n    bookings(first: 1, status: [CONFIRMED], eventDateFrom: $from) {\n      edges {\n        node {\n          id\n          eventDate\n        }\n      }\n    }\n  }\n": typeof types.NextConfirmedEventDocument,
    "\n  fragment TermsVersionFields on TermsVersion {\n    id\n    version\n    label\n    title\n    text\n    sha256\n    isCurrent\n    publishedAt\n    url\n    publishedBy {\n      id\n      displayName\n    }\n  }\n": typeof types.TermsVersionFieldsFragmentDoc,
    "\n  query TermsVersions($first: Int!, $after: String) {\n    currentTermsVersion {\n      ...TermsVersionFields\n    }\n    termsVersions(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...TermsVersionFields\n        }\n      }\n    }\n  }\n": typeof types.TermsVersionsDocument,
    "\n  query CurrentTermsVersion {\n    currentTermsVersion {\n      id\n      label\n      title\n      url\n    }\n  }\n": typeof types.CurrentTermsVersionDocument,
    "\n  mutation PublishTermsVersion($input: PublishTermsVersionInput!) {\n    publishTermsVersion(input: $input) {\n      termsVersion {\n        ...TermsVersionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.PublishTermsVersionDocument,
    "\n  query VerifyTermsEvidence {\n    verifyTermsEvidence {\n      ok\n      checkedCount\n      mismatchCount\n      headSequence\n      headSha256\n      verifiedAt\n      firstMismatch {\n        acknowledgmentId\n        sequence\n        reason\n      }\n    }\n  }\n": typeof types.VerifyTermsEvidenceDocument,
    "\n  query PrintableEvidence($bookingId: ID!) {\n    termsEvidence(bookingId: $bookingId) {\n      printableUrl\n    }\n  }\n": typeof types.PrintableEvidenceDocument,
    "\n  mutation RecordTermsAcknowledgment($input: RecordTermsAcknowledgmentInput!) {\n    recordTermsAcknowledgment(input: $input) {\n      acknowledgment {\n        ...TermsAcknowledgmentFields\n        booking {\n          ...BookingDetailFields\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RecordTermsAcknowledgmentDocument,
    "\n  mutation CreateDepositCheckout($bookingId: ID!) {\n    createDepositCheckout(bookingId: $bookingId) {\n      checkout {\n        id\n        amountCents\n        status\n        provider\n        url\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateDepositCheckoutDocument,
    "\n  query BookingScheduledMessages($id: ID!) {\n    booking(id: $id) {\n      id\n      scheduledMessages {\n        kind\n        daysBefore\n        dueAt\n        sendAt\n        status\n        reason\n        handledAt\n        timeZone\n        timeZoneSource\n      }\n    }\n  }\n": typeof types.BookingScheduledMessagesDocument,
    "\n  fragment PaymentMatchFields on PaymentMatch {\n    id\n    status\n    type\n    confidence\n    reason\n    origin\n    bookingReference\n    createdAt\n    booking {\n      id\n      eventDate\n      status\n      customer {\n        id\n        name\n        phone\n      }\n      price {\n        totalCents\n        depositCents\n        paidCents\n        balanceCents\n      }\n    }\n  }\n": typeof types.PaymentMatchFieldsFragmentDoc,
    "\n  fragment BankTransactionFields on BankTransaction {\n    id\n    amountCents\n    postedOn\n    description\n    source\n  }\n": typeof types.BankTransactionFieldsFragmentDoc,
    "\n  query PaymentReview {\n    paymentMatches(status: SUGGESTED, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...PaymentMatchFields\n          bankTransaction {\n            ...BankTransactionFields\n          }\n        }\n      }\n    }\n    unmatchedTransactions(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...BankTransactionFields\n          suggestions {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.PaymentReviewDocument,
    "\n  mutation VerifyPaymentMatch($id: ID!) {\n    verifyPaymentMatch(input: { id: $id }) {\n      paymentMatch {\n        id\n        status\n        bookingReference\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.VerifyPaymentMatchDocument,
    "\n  mutation RejectPaymentMatch($id: ID!) {\n    rejectPaymentMatch(input: { id: $id }) {\n      paymentMatch {\n        id\n        status\n        bookingReference\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RejectPaymentMatchDocument,
    "\n  mutation MatchPayment($input: MatchPaymentInput!) {\n    matchPayment(input: $input) {\n      paymentMatch {\n        id\n        status\n        bookingReference\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.MatchPaymentDocument,
    "\n  query BookingsToMatch($search: String) {\n    bookings(first: 8, search: $search) {\n      edges {\n        node {\n          id\n          eventDate\n          status\n          customer {\n            id\n            name\n            phone\n          }\n          price {\n            totalCents\n            paidCents\n            balanceCents\n          }\n        }\n      }\n    }\n  }\n": typeof types.BookingsToMatchDocument,
    "\n  mutation UploadBankStatement($input: UploadBankStatementInput!) {\n    uploadBankStatement(input: $input) {\n      format\n      lines\n      added\n      credits\n      applied\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.UploadBankStatementDocument,
    "\n  mutation RematchUnmatched {\n    rematchUnmatchedTransactions {\n      examined\n      applied\n      suggested\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RematchUnmatchedDocument,
    "\n  query ReconciliationReport($weekOf: String!) {\n    reconciliationReport(weekOf: $weekOf) {\n      weekStart\n      weekEnd\n      creditCents\n      matchedCents\n      unmatchedCents\n      csvPath\n      lines {\n        state\n        bookingReference\n        explanation\n        transaction {\n          ...BankTransactionFields\n        }\n        match {\n          id\n          booking {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.ReconciliationReportDocument,
    "\n  subscription UnmatchedPaymentAdded {\n    unmatchedPaymentAdded {\n      id\n    }\n  }\n": typeof types.UnmatchedPaymentAddedDocument,
    "\n  subscription PaymentMatched {\n    paymentMatched {\n      id\n    }\n  }\n": typeof types.PaymentMatchedDocument,
    "\n  query BookingPayments($id: ID!) {\n    booking(id: $id) {\n      id\n      payments {\n        id\n        source\n        kind\n        amountCents\n        externalId\n        occurredAt\n      }\n    }\n  }\n": typeof types.BookingPaymentsDocument,
    "\n  fragment AlertFields on Alert {\n    id\n    kind\n    subjectId\n    message\n    raisedAt\n    resolvedAt\n    acknowledgedAt\n    acknowledgedBy {\n      id\n      displayName\n    }\n  }\n": typeof types.AlertFieldsFragmentDoc,
    "\n  query OpenAlerts {\n    alerts(open: true, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...AlertFields\n        }\n      }\n    }\n  }\n": typeof types.OpenAlertsDocument,
    "\n  query ClosedAlerts {\n    alerts(open: false, first: 20) {\n      edges {\n        node {\n          ...AlertFields\n        }\n      }\n    }\n  }\n": typeof types.ClosedAlertsDocument,
    "\n  subscription AlertRaised {\n    alertRaised {\n      ...AlertFields\n    }\n  }\n": typeof types.AlertRaisedDocument,
    "\n  subscription AlertResolved {\n    alertResolved {\n      ...AlertFields\n    }\n  }\n": typeof types.AlertResolvedDocument,
    "\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      alert {\n        ...AlertFields\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": typeof types.AcknowledgeAlertDocument,
    "\n  subscription AlertAcknowledged {\n    alertAcknowledged {\n      ...AlertFields\n    }\n  }\n": typeof types.AlertAcknowledgedDocument,
    "\n  query CannedReplyPlaceholders {\n    cannedReplyPlaceholders {\n      token\n      description\n    }\n  }\n": typeof types.CannedReplyPlaceholdersDocument,
    "\n  mutation CreateCannedReply($input: CannedReplyInput!) {\n    createCannedReply(input: $input) {\n      cannedReply {\n        ...CannedReplyFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CreateCannedReplyDocument,
    "\n  mutation UpdateCannedReply($id: ID!, $input: CannedReplyInput!) {\n    updateCannedReply(id: $id, input: $input) {\n      cannedReply {\n        ...CannedReplyFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.UpdateCannedReplyDocument,
    "\n  mutation DeleteCannedReply($id: ID!) {\n    deleteCannedReply(id: $id) {\n      deletedCannedReplyId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DeleteCannedReplyDocument,
    "\n  fragment CannedReplyFields on CannedReply {\n    id\n    shortcut\n    title\n    body\n    updatedAt\n  }\n": typeof types.CannedReplyFieldsFragmentDoc,
    "\n  query CannedReplies {\n    cannedReplies {\n      ...CannedReplyFields\n    }\n  }\n": typeof types.CannedRepliesDocument,
    "\n  query FillCannedReply($cannedReplyId: ID!, $conversationId: ID!) {\n    fillCannedReply(cannedReplyId: $cannedReplyId, conversationId: $conversationId) {\n      text\n      unfilled\n    }\n  }\n": typeof types.FillCannedReplyDocument,
    "\n  fragment NoteFields on ConversationNote {\n    id\n    text\n    createdAt\n    author {\n      id\n      displayName\n    }\n  }\n": typeof types.NoteFieldsFragmentDoc,
    "\n  query ConversationNotes($id: ID!) {\n    conversation(id: $id) {\n      id\n      notes {\n        ...NoteFields\n      }\n    }\n  }\n": typeof types.ConversationNotesDocument,
    "\n  subscription ConversationNoteAdded($conversationId: ID!) {\n    conversationNoteAdded(conversationId: $conversationId) {\n      ...NoteFields\n    }\n  }\n": typeof types.ConversationNoteAddedDocument,
    "\n  mutation AddConversationNote($conversationId: ID!, $text: String!) {\n    addConversationNote(conversationId: $conversationId, text: $text) {\n      note {\n        ...NoteFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.AddConversationNoteDocument,
    "\n  subscription ConversationTyping($conversationId: ID!) {\n    conversationTyping(conversationId: $conversationId) {\n      conversationId\n      typing\n      expiresInSeconds\n    }\n  }\n": typeof types.ConversationTypingDocument,
    "\n  mutation SetStaffTyping($conversationId: ID!, $typing: Boolean!) {\n    setStaffTyping(conversationId: $conversationId, typing: $typing) {\n      ok\n      userErrors {\n        code\n      }\n    }\n  }\n": typeof types.SetStaffTypingDocument,
    "\n  fragment CustomerNameFields on Customer {\n    id\n    name\n    phone\n    email\n    mergedIntoId\n  }\n": typeof types.CustomerNameFieldsFragmentDoc,
    "\n  fragment CustomerPanelFields on Customer {\n    ...CustomerNameFields\n    createdAt\n    mergedAt\n    mergedInto {\n      ...CustomerNameFields\n    }\n    identities {\n      id\n      kind\n      display\n      createdAt\n    }\n    conversations {\n      id\n      channel\n      stage\n      lastMessageAt\n      lastMessage {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n    bookings {\n      id\n      status\n      eventDate\n      startTime\n      adults\n      kids\n    }\n    merges {\n      id\n      mergedCustomerId\n      mergedName\n      mergedPhone\n      mergedEmail\n      mergedAt\n      byApiKey\n      mergedBy {\n        id\n        displayName\n      }\n      movedIdentities {\n        kind\n        display\n      }\n      movedConversationIds\n      movedBookingIds\n      filledFields\n    }\n  }\n": typeof types.CustomerPanelFieldsFragmentDoc,
    "\n  query CustomerPanel($id: ID!) {\n    customer(id: $id) {\n      ...CustomerPanelFields\n    }\n  }\n": typeof types.CustomerPanelDocument,
    "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer {\n        ...CustomerNameFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateCustomerDocument,
    "\n  mutation MergeCustomers($input: MergeCustomersInput!) {\n    mergeCustomers(input: $input) {\n      customer {\n        ...CustomerPanelFields\n      }\n      merge {\n        id\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.MergeCustomersDocument,
    "\n  subscription CustomerUpdated {\n    customerUpdated {\n      customer {\n        ...CustomerNameFields\n      }\n      conversationIds\n      mergedCustomers {\n        ...CustomerNameFields\n      }\n    }\n  }\n": typeof types.CustomerUpdatedDocument,
    "\n  fragment DashboardFigures on Metrics {\n    from\n    to\n    timeZone\n    inquiries\n    convertedInquiries\n    conversionRate\n    revenueCents\n    depositsCents\n    conversations\n    aiAnsweredConversations\n    escalatedConversations\n    aiResponse {\n      responder\n      replies\n      medianSeconds\n      p90Seconds\n    }\n    staffResponse {\n      responder\n      replies\n      medianSeconds\n      p90Seconds\n    }\n    reviews\n    averageRating\n    channels {\n      channel\n      bookings\n      confirmed\n      revenueCents\n    }\n  }\n": typeof types.DashboardFiguresFragmentDoc,
    "\n  query DashboardMetrics {\n    today: metrics(days: 1) {\n      ...DashboardFigures\n    }\n    month: metrics(days: 30) {\n      ...DashboardFigures\n      daily {\n        date\n        bookings\n        confirmed\n        revenueCents\n        reviews\n        averageRating\n      }\n      unmatchedPayments {\n        count\n        amountCents\n        olderThanDays\n      }\n    }\n  }\n": typeof types.DashboardMetricsDocument,
    "\n  query DashboardWeek($from: String!, $to: String!) {\n    metrics(from: $from, to: $to) {\n      ...DashboardFigures\n    }\n  }\n": typeof types.DashboardWeekDocument,
    "\n  query DashboardUnmatched {\n    unmatchedTransactions(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          amountCents\n          postedOn\n        }\n      }\n    }\n  }\n": typeof types.DashboardUnmatchedDocument,
    "\n  query Outbox {\n    emailUsesOutbox\n    emails(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          to\n          from\n          subject\n          text\n          status\n          attempts\n          lastError\n          sentAt\n          createdAt\n          attachmentList {\n            filename\n            size\n          }\n        }\n      }\n    }\n  }\n": typeof types.OutboxDocument,
    "\n  mutation SendWeeklyReports($input: SendWeeklyReportsInput) {\n    sendWeeklyReports(input: $input) {\n      queued\n      emails {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SendWeeklyReportsDocument,
    "\n  fragment ReviewFields on Review {\n    id\n    source\n    reviewerName\n    rating\n    comment\n    createdAt\n    sentiment\n    praised\n    raised\n    flagged\n    verification\n    verificationEvidence {\n      confidence\n      matchedOn\n      customerName\n      eventDate\n      eventsChecked\n      windowDays\n      customer {\n        id\n        name\n      }\n      booking {\n        id\n      }\n    }\n    replyState\n    replyText\n    replyPostsAt\n    repliedAt\n    replyFailure\n  }\n": typeof types.ReviewFieldsFragmentDoc,
    "\n  query Reviews($first: Int, $after: String, $rating: Int, $needsAttention: Boolean, $flagged: Boolean, $replyState: ReplyState) {\n    reviews(first: $first, after: $after, rating: $rating, needsAttention: $needsAttention, flagged: $flagged, replyState: $replyState) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ReviewFields\n        }\n      }\n    }\n  }\n": typeof types.ReviewsDocument,
    "\n  subscription ReviewAdded {\n    reviewAdded {\n      id\n    }\n  }\n": typeof types.ReviewAddedDocument,
    "\n  subscription ReviewUpdated {\n    reviewUpdated {\n      ...ReviewFields\n    }\n  }\n": typeof types.ReviewUpdatedDocument,
    "\n  mutation ApproveReviewReply($input: ApproveReviewReplyInput!) {\n    approveReviewReply(input: $input) {\n      review {\n        ...ReviewFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.ApproveReviewReplyDocument,
    "\n  mutation AddReview($input: AddReviewInput!) {\n    addReview(input: $input) {\n      review {\n        ...ReviewFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.AddReviewDocument,
    "\n  query ReviewAnalytics($from: DateTimeISO!, $to: DateTimeISO!) {\n    reviewAnalytics(from: $from, to: $to) {\n      reviews\n      averageRating\n      responseRate\n      medianResponseSeconds\n      byWeek {\n        periodStart\n        averageRating\n        averageSentiment\n        reviews\n      }\n      byMonth {\n        periodStart\n        averageRating\n        reviews\n      }\n      keywords {\n        word\n        count\n      }\n    }\n  }\n": typeof types.ReviewAnalyticsDocument,
    "\n  query Search($query: String!, $first: Int) {\n    search(query: $query, first: $first) {\n      query\n      customers {\n        ...CustomerNameFields\n        identities {\n          id\n          kind\n          display\n        }\n      }\n      conversations {\n        id\n        channel\n        stage\n        lastMessageAt\n        customer {\n          ...CustomerNameFields\n        }\n        lastMessage {\n          id\n          text\n          author\n        }\n      }\n      messages {\n        snippet\n        message {\n          id\n          author\n          createdAt\n        }\n        conversation {\n          id\n          channel\n          customer {\n            ...CustomerNameFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  fragment StaffMemberFields on StaffUser {\n    id\n    email\n    displayName\n    role\n    hasPassword\n    deactivatedAt\n    extension {\n      id\n      number\n      employeeName\n      status\n      staffUserId\n    }\n  }\n": typeof types.StaffMemberFieldsFragmentDoc,
    "\n  query StaffUsers($first: Int!) {\n    staffUsers(first: $first) {\n      totalCount\n      edges {\n        node {\n          ...StaffMemberFields\n        }\n      }\n    }\n  }\n": typeof types.StaffUsersDocument,
    "\n  mutation CreateStaffUser($input: CreateStaffUserInput!) {\n    createStaffUser(input: $input) {\n      staffUser {\n        ...StaffMemberFields\n      }\n      passwordLink {\n        path\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateStaffUserDocument,
    "\n  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {\n    updateStaffUser(input: $input) {\n      staffUser {\n        ...StaffMemberFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateStaffUserDocument,
    "\n  mutation SetStaffUserActive($id: ID!, $active: Boolean!) {\n    setStaffUserActive(id: $id, active: $active) {\n      staffUser {\n        ...StaffMemberFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SetStaffUserActiveDocument,
    "\n  mutation CreateStaffPasswordLink($id: ID!) {\n    createStaffPasswordLink(id: $id) {\n      passwordLink {\n        path\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateStaffPasswordLinkDocument,
    "\n  mutation SetPasswordWithLink($input: SetPasswordWithLinkInput!) {\n    setPasswordWithLink(input: $input) {\n      email\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SetPasswordWithLinkDocument,
    "\n  query MyPresence {\n    me {\n      id\n      extension {\n        id\n        number\n        status\n      }\n    }\n  }\n": typeof types.MyPresenceDocument,
    "\n  mutation SetAway($away: Boolean!) {\n    setAway(away: $away) {\n      extension {\n        id\n        number\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SetAwayDocument,
    "\n  query OpenTasks($first: Int, $after: String) {\n    tasks(open: true, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          detail\n          kind\n          subjectId\n          createdAt\n          assignedTo {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.OpenTasksDocument,
    "\n  mutation CompleteTask($input: CompleteTaskInput!) {\n    completeTask(input: $input) {\n      task {\n        id\n        completedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CompleteTaskDocument,
};
const documents: Documents = {
    "\n  fragment ChatMessageFields on Message {\n    id\n    author\n    senderName\n    text\n    createdAt\n  }\n": types.ChatMessageFieldsFragmentDoc,
    "\n  mutation StartWebChatSession {\n    startWebChatSession {\n      sessionToken\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.StartWebChatSessionDocument,
    "\n  mutation SendWebChatMessage($sessionToken: String!, $text: String!) {\n    sendWebChatMessage(sessionToken: $sessionToken, text: $text) {\n      message {\n        ...ChatMessageFields\n      }\n      reply {\n        ...ChatMessageFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SendWebChatMessageDocument,
    "\n  subscription WebChatReply($sessionToken: String!) {\n    webChatReply(sessionToken: $sessionToken) {\n      ...ChatMessageFields\n    }\n  }\n": types.WebChatReplyDocument,
    "\n  query WebChatHistory($sessionToken: String!) {\n    webChatHistory(sessionToken: $sessionToken) {\n      ...ChatMessageFields\n    }\n  }\n": types.WebChatHistoryDocument,
    "\n  query WebChatWelcome {\n    webChatWelcome {\n      businessName\n      open\n      opensAt\n      afterHoursNotice\n    }\n  }\n": types.WebChatWelcomeDocument,
    "\n  mutation SetWebChatTyping($sessionToken: String!, $typing: Boolean!) {\n    setWebChatTyping(sessionToken: $sessionToken, typing: $typing) {\n      ok\n    }\n  }\n": types.SetWebChatTypingDocument,
    "\n  subscription WebChatTyping($sessionToken: String!) {\n    webChatTyping(sessionToken: $sessionToken) {\n      typing\n      name\n      expiresInSeconds\n    }\n  }\n": types.WebChatTypingDocument,
    "\n  fragment BankConnectionFields on BankConnection {\n    id\n    institutionName\n    status\n    statusMessage\n    lastSyncedAt\n    lastSyncError\n    lastSync {\n      added\n      modified\n      removed\n    }\n    accounts {\n      id\n      name\n      mask\n      type\n      subtype\n    }\n  }\n": types.BankConnectionFieldsFragmentDoc,
    "\n  query BankFeed {\n    bankFeed {\n      plaidConfigured\n      plaidEnvironment\n      connections {\n        ...BankConnectionFields\n      }\n    }\n  }\n": types.BankFeedDocument,
    "\n  mutation CreatePlaidLinkToken($connectionId: ID) {\n    createPlaidLinkToken(connectionId: $connectionId) {\n      linkToken\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreatePlaidLinkTokenDocument,
    "\n  mutation ExchangePlaidPublicToken($publicToken: String!) {\n    exchangePlaidPublicToken(publicToken: $publicToken) {\n      connection {\n        ...BankConnectionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ExchangePlaidPublicTokenDocument,
    "\n  mutation SyncBankTransactions($connectionId: ID!) {\n    syncBankTransactions(connectionId: $connectionId) {\n      connection {\n        ...BankConnectionFields\n      }\n      synced {\n        added\n        modified\n        removed\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SyncBankTransactionsDocument,
    "\n  fragment GoogleConnectionFields on GoogleConnectionView {\n    configured\n    state\n    message\n    accountName\n    locationTitle\n    locationName\n    lastSyncedAt\n    lastSyncError\n    lastSync {\n      added\n      updated\n      unchanged\n      deleted\n    }\n  }\n": types.GoogleConnectionFieldsFragmentDoc,
    "\n  query GoogleConnection {\n    googleConnection {\n      ...GoogleConnectionFields\n    }\n  }\n": types.GoogleConnectionDocument,
    "\n  query GoogleLocations {\n    googleLocations {\n      name\n      title\n      accountName\n    }\n  }\n": types.GoogleLocationsDocument,
    "\n  mutation ConnectGoogle {\n    connectGoogle {\n      consentUrl\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ConnectGoogleDocument,
    "\n  mutation SelectGoogleLocation($locationName: String!) {\n    selectGoogleLocation(locationName: $locationName) {\n      connection {\n        ...GoogleConnectionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SelectGoogleLocationDocument,
    "\n  mutation SyncGoogleReviews {\n    syncReviews {\n      connection {\n        ...GoogleConnectionFields\n      }\n      synced {\n        listed\n        added\n        updated\n        deleted\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SyncGoogleReviewsDocument,
    "\n  fragment ConversationInboxFields on Conversation {\n    unreadCount\n    lastCustomerMessage {\n      id\n      text\n      createdAt\n    }\n  }\n": types.ConversationInboxFieldsFragmentDoc,
    "\n  fragment ConversationActivityFields on Conversation {\n    ...ConversationSummaryFields\n    lastCustomerMessage {\n      id\n      text\n      createdAt\n    }\n  }\n": types.ConversationActivityFieldsFragmentDoc,
    "\n  query UnreadInHeldThreads {\n    unreadInHeldThreads\n  }\n": types.UnreadInHeldThreadsDocument,
    "\n  query ConversationMessagesAfter($id: ID!, $afterMessage: ID!, $after: String) {\n    conversation(id: $id) {\n      id\n      messages(first: 100, afterMessage: $afterMessage, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n": types.ConversationMessagesAfterDocument,
    "\n  mutation MarkConversationRead($conversationId: ID!, $upToMessageId: ID) {\n    markConversationRead(conversationId: $conversationId, upToMessageId: $upToMessageId) {\n      conversation {\n        id\n        unreadCount\n      }\n      userErrors {\n        message\n      }\n    }\n  }\n": types.MarkConversationReadDocument,
    "\n  subscription ConversationActivity {\n    conversationActivity {\n      conversationId\n      message {\n        ...MessageFields\n      }\n      conversation {\n        ...ConversationActivityFields\n      }\n    }\n  }\n": types.ConversationActivityDocument,
    "\n  subscription ConversationRead {\n    conversationRead {\n      conversationId\n      unreadInHeldThreads\n      conversation {\n        id\n        unreadCount\n      }\n    }\n  }\n": types.ConversationReadDocument,
    "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n": types.UserErrorFieldsFragmentDoc,
    "\n  fragment StaffUserFields on StaffUser {\n    id\n    email\n    displayName\n    role\n  }\n": types.StaffUserFieldsFragmentDoc,
    "\n  fragment ExtensionFields on Extension {\n    id\n    number\n    employeeName\n    role\n    phone\n    status\n    availableNow\n    availabilityChangesAt\n    isPrimaryEscalation\n    staffUserId\n    workingHours {\n      day\n      start\n      end\n    }\n    updatedAt\n  }\n": types.ExtensionFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...StaffUserFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staffUser {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      ok\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.LogoutDocument,
    "\n  query Extensions($first: Int!) {\n    extensions(first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...ExtensionFields\n        }\n      }\n    }\n  }\n": types.ExtensionsDocument,
    "\n  mutation CreateExtension($input: CreateExtensionInput!) {\n    createExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateExtensionDocument,
    "\n  mutation UpdateExtension($input: UpdateExtensionInput!) {\n    updateExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateExtensionDocument,
    "\n  mutation DeleteExtension($id: ID!) {\n    deleteExtension(id: $id) {\n      deletedExtensionId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeleteExtensionDocument,
    "\n  mutation SetExtensionStatus($id: ID!, $status: ExtensionStatus!) {\n    setExtensionStatus(id: $id, status: $status) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SetExtensionStatusDocument,
    "\n  mutation SetPrimaryEscalationExtension($id: ID!) {\n    setPrimaryEscalationExtension(id: $id) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SetPrimaryEscalationExtensionDocument,
    "\n  subscription ExtensionUpdated {\n    extensionUpdated {\n      change\n      occurredAt\n      extension {\n        ...ExtensionFields\n      }\n    }\n  }\n": types.ExtensionUpdatedDocument,
    "\n  fragment MessageFields on Message {\n    id\n    direction\n    author\n    channel\n    text\n    senderName\n    deliveryStatus\n    via\n    createdAt\n  }\n": types.MessageFieldsFragmentDoc,
    "\n  fragment EscalationFields on Escalation {\n    id\n    version\n    status\n    reason\n    createdAt\n    assignedAt\n    resolvedAt\n    assignedExtension {\n      id\n      number\n      employeeName\n    }\n    takenOverBy {\n      id\n      displayName\n    }\n    handedOverBy {\n      id\n      displayName\n    }\n    upset\n    handoff {\n      channel\n      customerName\n      reasonText\n      lastCustomerMessage\n      quote\n      details {\n        field\n        value\n        confidence\n      }\n    }\n    routingLog {\n      createdAt\n      explanation\n    }\n    # The thread's holder and stage change with the escalation: every view of it stays current.\n    conversation {\n      ...ConversationSummaryFields\n    }\n  }\n": types.EscalationFieldsFragmentDoc,
    "\n  fragment EscalationVersion on Escalation {\n    version\n  }\n": types.EscalationVersionFragmentDoc,
    "\n  fragment ConversationSummaryFields on Conversation {\n    id\n    channel\n    stage\n    aiPaused\n    handoffStatus\n    lastMessageAt\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    heldBy {\n      id\n      displayName\n    }\n    assignedExtension {\n      id\n      number\n      employeeName\n    }\n    openEscalation {\n      id\n      status\n      reason\n    }\n  }\n": types.ConversationSummaryFieldsFragmentDoc,
    "\n  query Escalations($first: Int!) {\n    escalations(first: $first) {\n      totalCount\n      edges {\n        node {\n          ...EscalationFields\n          conversation {\n            id\n            ...ConversationInboxFields\n          }\n        }\n      }\n    }\n  }\n": types.EscalationsDocument,
    "\n  query Conversations($first: Int!, $after: String, $stage: ConversationStage, $channel: Channel, $escalated: Boolean) {\n    conversations(first: $first, after: $after, stage: $stage, channel: $channel, escalated: $escalated) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ConversationSummaryFields\n          ...ConversationInboxFields\n          lastMessage {\n            id\n            text\n            author\n            createdAt\n          }\n        }\n      }\n    }\n  }\n": types.ConversationsDocument,
    "\n  query Conversation($id: ID!, $messagesAfter: String) {\n    conversation(id: $id) {\n      ...ConversationSummaryFields\n      ...ConversationInboxFields\n      failedAttempts\n      bookingDraft {\n        field\n        value\n        confidence\n      }\n      openEscalation {\n        ...EscalationFields\n      }\n      messages(first: 100, after: $messagesAfter) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n": types.ConversationDocument,
    "\n  mutation TakeOverConversation($conversationId: ID!) {\n    takeOverConversation(conversationId: $conversationId) {\n      conversation {\n        ...ConversationSummaryFields\n      }\n      escalation {\n        ...EscalationFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.TakeOverConversationDocument,
    "\n  mutation ResendMessage($messageId: ID!) {\n    resendMessage(messageId: $messageId) {\n      message {\n        ...MessageFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ResendMessageDocument,
    "\n  mutation SendStaffReply($conversationId: ID!, $text: String!) {\n    sendStaffReply(conversationId: $conversationId, text: $text) {\n      message {\n        ...MessageFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SendStaffReplyDocument,
    "\n  mutation ReleaseConversation($conversationId: ID!) {\n    releaseConversation(conversationId: $conversationId) {\n      conversation {\n        ...ConversationSummaryFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ReleaseConversationDocument,
    "\n  mutation HandOverConversation($conversationId: ID!, $toStaffUserId: ID!) {\n    handOverConversation(conversationId: $conversationId, toStaffUserId: $toStaffUserId) {\n      conversation {\n        ...ConversationSummaryFields\n      }\n      escalation {\n        ...EscalationFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.HandOverConversationDocument,
    "\n  query HandoverColleagues {\n    handoverColleagues {\n      id\n      displayName\n      role\n    }\n  }\n": types.HandoverColleaguesDocument,
    "\n  mutation ResolveEscalation($escalationId: ID!, $closingMessage: String) {\n    resolveEscalation(escalationId: $escalationId, closingMessage: $closingMessage) {\n      escalation {\n        ...EscalationFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ResolveEscalationDocument,
    "\n  subscription EscalationRaised {\n    escalationRaised {\n      ...EscalationFields\n    }\n  }\n": types.EscalationRaisedDocument,
    "\n  subscription EscalationUpdated {\n    escalationUpdated {\n      ...EscalationFields\n    }\n  }\n": types.EscalationUpdatedDocument,
    "\n  subscription ConversationMessageAdded($conversationId: ID!) {\n    conversationMessageAdded(conversationId: $conversationId) {\n      conversationId\n      message {\n        ...MessageFields\n      }\n    }\n  }\n": types.ConversationMessageAddedDocument,
    "\n  subscription ConversationMessageUpdated($conversationId: ID!) {\n    conversationMessageUpdated(conversationId: $conversationId) {\n      conversationId\n      message {\n        ...MessageFields\n      }\n    }\n  }\n": types.ConversationMessageUpdatedDocument,
    "\n  fragment ChannelConnectionFields on ChannelConnection {\n    provider\n    configured\n    sender\n    subscriptionId\n    subscriptionExpiresAt\n    status\n    lastError\n  }\n": types.ChannelConnectionFieldsFragmentDoc,
    "\n  query ChannelConnections {\n    channelConnections {\n      ...ChannelConnectionFields\n    }\n  }\n": types.ChannelConnectionsDocument,
    "\n  subscription ChannelConnectionsChanged {\n    channelConnectionsChanged {\n      ...ChannelConnectionFields\n    }\n  }\n": types.ChannelConnectionsChangedDocument,
    "\n  mutation SyncChannelSubscriptions {\n    syncChannelSubscriptions {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SyncChannelSubscriptionsDocument,
    "\n  fragment WebhookEventFields on WebhookEvent {\n    id\n    provider\n    kind\n    status\n    attempts\n    lastError\n    receivedAt\n    appliedAt\n    payload\n  }\n": types.WebhookEventFieldsFragmentDoc,
    "\n  query WebhookEvents($status: WebhookEventStatus, $first: Int!) {\n    webhookEvents(status: $status, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...WebhookEventFields\n        }\n      }\n    }\n  }\n": types.WebhookEventsDocument,
    "\n  subscription WebhookEventChanged {\n    webhookEventChanged {\n      webhookEventId\n      status\n      attempts\n      lastError\n      appliedAt\n    }\n  }\n": types.WebhookEventChangedDocument,
    "\n  mutation RetryWebhookEvent($id: ID!) {\n    retryWebhookEvent(id: $id) {\n      webhookEvent {\n        ...WebhookEventFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RetryWebhookEventDocument,
    "\n  fragment BookingFields on Booking {\n    id\n    version\n    status\n    eventDate\n    startTime\n    startsAt\n    address\n    adults\n    kids\n    partySize\n    dietaryNotes\n    smsConsent\n    sourceChannel\n    createdAt\n    updatedAt\n    confirmedAt\n    completedAt\n    cancelledAt\n    cancellationReason\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    conversation {\n      id\n      channel\n    }\n    price {\n      adults\n      kids\n      pricePerAdultCents\n      pricePerKidCents\n      foodCents\n      minimumSpendCents\n      minimumTopUpCents\n      travelFeeCents\n      totalCents\n      depositCents\n      paidCents\n      balanceCents\n    }\n  }\n": types.BookingFieldsFragmentDoc,
    "\n  fragment BookingVersion on Booking {\n    version\n  }\n": types.BookingVersionFragmentDoc,
    "\n  fragment TravelQuoteFields on TravelQuote {\n    id\n    address\n    formattedAddress\n    miles\n    driveMinutes\n    feeCents\n    band\n    bandLabel\n    declined\n    declineReason\n    estimate\n    provider\n    departureAt\n    createdAt\n  }\n": types.TravelQuoteFieldsFragmentDoc,
    "\n  fragment TermsAcknowledgmentFields on TermsAcknowledgment {\n    id\n    sequence\n    channel\n    replyText\n    providerMessageId\n    fromAddress\n    signatureVerified\n    receivedAt\n    ip\n    userAgent\n    contentSha256\n    previousSha256\n    termsSha256\n    createdAt\n    termsVersion {\n      id\n      label\n      title\n    }\n    recordedBy {\n      id\n      displayName\n    }\n  }\n": types.TermsAcknowledgmentFieldsFragmentDoc,
    "\n  fragment BookingDetailFields on Booking {\n    ...BookingFields\n    travelQuote {\n      ...TravelQuoteFields\n    }\n    termsAcknowledgment {\n      ...TermsAcknowledgmentFields\n    }\n  }\n": types.BookingDetailFieldsFragmentDoc,
    "\n  query Bookings(\n    $first: Int!\n    $after: String\n    $status: [BookingStatus!]\n    $eventDateFrom: String\n    $eventDateTo: String\n    $sourceChannel: Channel\n    $search: String\n  ) {\n    bookings(\n      first: $first\n      after: $after\n      status: $status\n      eventDateFrom: $eventDateFrom\n      eventDateTo: $eventDateTo\n      sourceChannel: $sourceChannel\n      search: $search\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...BookingFields\n        }\n      }\n    }\n  }\n": types.BookingsDocument,
    "\n  query Booking($id: ID!) {\n    booking(id: $id) {\n      ...BookingDetailFields\n    }\n  }\n": types.BookingDocument,
    "\n  mutation CreateBooking($input: CreateBookingInput!) {\n    createBooking(input: $input) {\n      booking {\n        ...BookingDetailFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateBookingDocument,
    "\n  mutation UpdateBooking($input: UpdateBookingInput!) {\n    updateBooking(input: $input) {\n      booking {\n        ...BookingDetailFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateBookingDocument,
    "\n  mutation CancelBooking($input: CancelBookingInput!) {\n    cancelBooking(input: $input) {\n      booking {\n        ...BookingDetailFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CancelBookingDocument,
    "\n  subscription BookingUpdated {\n    bookingUpdated {\n      change\n      occurredAt\n      booking {\n        ...BookingDetailFields\n      }\n    }\n  }\n": types.BookingUpdatedDocument,
    "\n  mutation QuoteTravel($input: QuoteTravelInput!) {\n    quoteTravel(input: $input) {\n      quote {\n        ...TravelQuoteFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.QuoteTravelDocument,
    "\n  query TravelQuotes($first: Int!, $after: String) {\n    travelQuotes(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...TravelQuoteFields\n        }\n      }\n    }\n  }\n": types.TravelQuotesDocument,
    "\n  fragment DayRouteFields on DayRoute {\n    date\n    baseAddress\n    estimate\n    totalMiles\n    totalMinutes\n    clusterRadiusMiles\n    clusterDiscountPercent\n    stops {\n      position\n      milesFromPrevious\n      minutesFromPrevious\n      travelFeeCents\n      clusteredTravelFeeCents\n      clusterDiscountCents\n      clusteredWith\n      booking {\n        id\n        version\n        status\n        eventDate\n        startTime\n        address\n        partySize\n        customer {\n          id\n          name\n          phone\n          email\n        }\n      }\n    }\n    unreachable {\n      id\n      version\n      status\n      eventDate\n      startTime\n      address\n      partySize\n      customer {\n        id\n        name\n        phone\n        email\n      }\n    }\n  }\n": types.DayRouteFieldsFragmentDoc,
    "\n  query DayRoute($date: String!) {\n    dayRoute(date: $date) {\n      ...DayRouteFields\n    }\n  }\n": types.DayRouteDocument,
    "\n  mutation ApplyClusterDiscounts($date: String!) {\n    applyClusterDiscounts(date: $date) {\n      route {\n        ...DayRouteFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ApplyClusterDiscountsDocument,
    "\n  query NextConfirmedEvent($from: String!) {\n    bookings(first: 1, status: [CONFIRMED], eventDateFrom: $from) {\n      edges {\n        node {\n          id\n          eventDate\n        }\n      }\n    }\n  }\n": types.NextConfirmedEventDocument,
    "\n  fragment TermsVersionFields on TermsVersion {\n    id\n    version\n    label\n    title\n    text\n    sha256\n    isCurrent\n    publishedAt\n    url\n    publishedBy {\n      id\n      displayName\n    }\n  }\n": types.TermsVersionFieldsFragmentDoc,
    "\n  query TermsVersions($first: Int!, $after: String) {\n    currentTermsVersion {\n      ...TermsVersionFields\n    }\n    termsVersions(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...TermsVersionFields\n        }\n      }\n    }\n  }\n": types.TermsVersionsDocument,
    "\n  query CurrentTermsVersion {\n    currentTermsVersion {\n      id\n      label\n      title\n      url\n    }\n  }\n": types.CurrentTermsVersionDocument,
    "\n  mutation PublishTermsVersion($input: PublishTermsVersionInput!) {\n    publishTermsVersion(input: $input) {\n      termsVersion {\n        ...TermsVersionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.PublishTermsVersionDocument,
    "\n  query VerifyTermsEvidence {\n    verifyTermsEvidence {\n      ok\n      checkedCount\n      mismatchCount\n      headSequence\n      headSha256\n      verifiedAt\n      firstMismatch {\n        acknowledgmentId\n        sequence\n        reason\n      }\n    }\n  }\n": types.VerifyTermsEvidenceDocument,
    "\n  query PrintableEvidence($bookingId: ID!) {\n    termsEvidence(bookingId: $bookingId) {\n      printableUrl\n    }\n  }\n": types.PrintableEvidenceDocument,
    "\n  mutation RecordTermsAcknowledgment($input: RecordTermsAcknowledgmentInput!) {\n    recordTermsAcknowledgment(input: $input) {\n      acknowledgment {\n        ...TermsAcknowledgmentFields\n        booking {\n          ...BookingDetailFields\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RecordTermsAcknowledgmentDocument,
    "\n  mutation CreateDepositCheckout($bookingId: ID!) {\n    createDepositCheckout(bookingId: $bookingId) {\n      checkout {\n        id\n        amountCents\n        status\n        provider\n        url\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateDepositCheckoutDocument,
    "\n  query BookingScheduledMessages($id: ID!) {\n    booking(id: $id) {\n      id\n      scheduledMessages {\n        kind\n        daysBefore\n        dueAt\n        sendAt\n        status\n        reason\n        handledAt\n        timeZone\n        timeZoneSource\n      }\n    }\n  }\n": types.BookingScheduledMessagesDocument,
    "\n  fragment PaymentMatchFields on PaymentMatch {\n    id\n    status\n    type\n    confidence\n    reason\n    origin\n    bookingReference\n    createdAt\n    booking {\n      id\n      eventDate\n      status\n      customer {\n        id\n        name\n        phone\n      }\n      price {\n        totalCents\n        depositCents\n        paidCents\n        balanceCents\n      }\n    }\n  }\n": types.PaymentMatchFieldsFragmentDoc,
    "\n  fragment BankTransactionFields on BankTransaction {\n    id\n    amountCents\n    postedOn\n    description\n    source\n  }\n": types.BankTransactionFieldsFragmentDoc,
    "\n  query PaymentReview {\n    paymentMatches(status: SUGGESTED, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...PaymentMatchFields\n          bankTransaction {\n            ...BankTransactionFields\n          }\n        }\n      }\n    }\n    unmatchedTransactions(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...BankTransactionFields\n          suggestions {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.PaymentReviewDocument,
    "\n  mutation VerifyPaymentMatch($id: ID!) {\n    verifyPaymentMatch(input: { id: $id }) {\n      paymentMatch {\n        id\n        status\n        bookingReference\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.VerifyPaymentMatchDocument,
    "\n  mutation RejectPaymentMatch($id: ID!) {\n    rejectPaymentMatch(input: { id: $id }) {\n      paymentMatch {\n        id\n        status\n        bookingReference\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RejectPaymentMatchDocument,
    "\n  mutation MatchPayment($input: MatchPaymentInput!) {\n    matchPayment(input: $input) {\n      paymentMatch {\n        id\n        status\n        bookingReference\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.MatchPaymentDocument,
    "\n  query BookingsToMatch($search: String) {\n    bookings(first: 8, search: $search) {\n      edges {\n        node {\n          id\n          eventDate\n          status\n          customer {\n            id\n            name\n            phone\n          }\n          price {\n            totalCents\n            paidCents\n            balanceCents\n          }\n        }\n      }\n    }\n  }\n": types.BookingsToMatchDocument,
    "\n  mutation UploadBankStatement($input: UploadBankStatementInput!) {\n    uploadBankStatement(input: $input) {\n      format\n      lines\n      added\n      credits\n      applied\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.UploadBankStatementDocument,
    "\n  mutation RematchUnmatched {\n    rematchUnmatchedTransactions {\n      examined\n      applied\n      suggested\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RematchUnmatchedDocument,
    "\n  query ReconciliationReport($weekOf: String!) {\n    reconciliationReport(weekOf: $weekOf) {\n      weekStart\n      weekEnd\n      creditCents\n      matchedCents\n      unmatchedCents\n      csvPath\n      lines {\n        state\n        bookingReference\n        explanation\n        transaction {\n          ...BankTransactionFields\n        }\n        match {\n          id\n          booking {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.ReconciliationReportDocument,
    "\n  subscription UnmatchedPaymentAdded {\n    unmatchedPaymentAdded {\n      id\n    }\n  }\n": types.UnmatchedPaymentAddedDocument,
    "\n  subscription PaymentMatched {\n    paymentMatched {\n      id\n    }\n  }\n": types.PaymentMatchedDocument,
    "\n  query BookingPayments($id: ID!) {\n    booking(id: $id) {\n      id\n      payments {\n        id\n        source\n        kind\n        amountCents\n        externalId\n        occurredAt\n      }\n    }\n  }\n": types.BookingPaymentsDocument,
    "\n  fragment AlertFields on Alert {\n    id\n    kind\n    subjectId\n    message\n    raisedAt\n    resolvedAt\n    acknowledgedAt\n    acknowledgedBy {\n      id\n      displayName\n    }\n  }\n": types.AlertFieldsFragmentDoc,
    "\n  query OpenAlerts {\n    alerts(open: true, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...AlertFields\n        }\n      }\n    }\n  }\n": types.OpenAlertsDocument,
    "\n  query ClosedAlerts {\n    alerts(open: false, first: 20) {\n      edges {\n        node {\n          ...AlertFields\n        }\n      }\n    }\n  }\n": types.ClosedAlertsDocument,
    "\n  subscription AlertRaised {\n    alertRaised {\n      ...AlertFields\n    }\n  }\n": types.AlertRaisedDocument,
    "\n  subscription AlertResolved {\n    alertResolved {\n      ...AlertFields\n    }\n  }\n": types.AlertResolvedDocument,
    "\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      alert {\n        ...AlertFields\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": types.AcknowledgeAlertDocument,
    "\n  subscription AlertAcknowledged {\n    alertAcknowledged {\n      ...AlertFields\n    }\n  }\n": types.AlertAcknowledgedDocument,
    "\n  query CannedReplyPlaceholders {\n    cannedReplyPlaceholders {\n      token\n      description\n    }\n  }\n": types.CannedReplyPlaceholdersDocument,
    "\n  mutation CreateCannedReply($input: CannedReplyInput!) {\n    createCannedReply(input: $input) {\n      cannedReply {\n        ...CannedReplyFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CreateCannedReplyDocument,
    "\n  mutation UpdateCannedReply($id: ID!, $input: CannedReplyInput!) {\n    updateCannedReply(id: $id, input: $input) {\n      cannedReply {\n        ...CannedReplyFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.UpdateCannedReplyDocument,
    "\n  mutation DeleteCannedReply($id: ID!) {\n    deleteCannedReply(id: $id) {\n      deletedCannedReplyId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DeleteCannedReplyDocument,
    "\n  fragment CannedReplyFields on CannedReply {\n    id\n    shortcut\n    title\n    body\n    updatedAt\n  }\n": types.CannedReplyFieldsFragmentDoc,
    "\n  query CannedReplies {\n    cannedReplies {\n      ...CannedReplyFields\n    }\n  }\n": types.CannedRepliesDocument,
    "\n  query FillCannedReply($cannedReplyId: ID!, $conversationId: ID!) {\n    fillCannedReply(cannedReplyId: $cannedReplyId, conversationId: $conversationId) {\n      text\n      unfilled\n    }\n  }\n": types.FillCannedReplyDocument,
    "\n  fragment NoteFields on ConversationNote {\n    id\n    text\n    createdAt\n    author {\n      id\n      displayName\n    }\n  }\n": types.NoteFieldsFragmentDoc,
    "\n  query ConversationNotes($id: ID!) {\n    conversation(id: $id) {\n      id\n      notes {\n        ...NoteFields\n      }\n    }\n  }\n": types.ConversationNotesDocument,
    "\n  subscription ConversationNoteAdded($conversationId: ID!) {\n    conversationNoteAdded(conversationId: $conversationId) {\n      ...NoteFields\n    }\n  }\n": types.ConversationNoteAddedDocument,
    "\n  mutation AddConversationNote($conversationId: ID!, $text: String!) {\n    addConversationNote(conversationId: $conversationId, text: $text) {\n      note {\n        ...NoteFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.AddConversationNoteDocument,
    "\n  subscription ConversationTyping($conversationId: ID!) {\n    conversationTyping(conversationId: $conversationId) {\n      conversationId\n      typing\n      expiresInSeconds\n    }\n  }\n": types.ConversationTypingDocument,
    "\n  mutation SetStaffTyping($conversationId: ID!, $typing: Boolean!) {\n    setStaffTyping(conversationId: $conversationId, typing: $typing) {\n      ok\n      userErrors {\n        code\n      }\n    }\n  }\n": types.SetStaffTypingDocument,
    "\n  fragment CustomerNameFields on Customer {\n    id\n    name\n    phone\n    email\n    mergedIntoId\n  }\n": types.CustomerNameFieldsFragmentDoc,
    "\n  fragment CustomerPanelFields on Customer {\n    ...CustomerNameFields\n    createdAt\n    mergedAt\n    mergedInto {\n      ...CustomerNameFields\n    }\n    identities {\n      id\n      kind\n      display\n      createdAt\n    }\n    conversations {\n      id\n      channel\n      stage\n      lastMessageAt\n      lastMessage {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n    bookings {\n      id\n      status\n      eventDate\n      startTime\n      adults\n      kids\n    }\n    merges {\n      id\n      mergedCustomerId\n      mergedName\n      mergedPhone\n      mergedEmail\n      mergedAt\n      byApiKey\n      mergedBy {\n        id\n        displayName\n      }\n      movedIdentities {\n        kind\n        display\n      }\n      movedConversationIds\n      movedBookingIds\n      filledFields\n    }\n  }\n": types.CustomerPanelFieldsFragmentDoc,
    "\n  query CustomerPanel($id: ID!) {\n    customer(id: $id) {\n      ...CustomerPanelFields\n    }\n  }\n": types.CustomerPanelDocument,
    "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer {\n        ...CustomerNameFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateCustomerDocument,
    "\n  mutation MergeCustomers($input: MergeCustomersInput!) {\n    mergeCustomers(input: $input) {\n      customer {\n        ...CustomerPanelFields\n      }\n      merge {\n        id\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.MergeCustomersDocument,
    "\n  subscription CustomerUpdated {\n    customerUpdated {\n      customer {\n        ...CustomerNameFields\n      }\n      conversationIds\n      mergedCustomers {\n        ...CustomerNameFields\n      }\n    }\n  }\n": types.CustomerUpdatedDocument,
    "\n  fragment DashboardFigures on Metrics {\n    from\n    to\n    timeZone\n    inquiries\n    convertedInquiries\n    conversionRate\n    revenueCents\n    depositsCents\n    conversations\n    aiAnsweredConversations\n    escalatedConversations\n    aiResponse {\n      responder\n      replies\n      medianSeconds\n      p90Seconds\n    }\n    staffResponse {\n      responder\n      replies\n      medianSeconds\n      p90Seconds\n    }\n    reviews\n    averageRating\n    channels {\n      channel\n      bookings\n      confirmed\n      revenueCents\n    }\n  }\n": types.DashboardFiguresFragmentDoc,
    "\n  query DashboardMetrics {\n    today: metrics(days: 1) {\n      ...DashboardFigures\n    }\n    month: metrics(days: 30) {\n      ...DashboardFigures\n      daily {\n        date\n        bookings\n        confirmed\n        revenueCents\n        reviews\n        averageRating\n      }\n      unmatchedPayments {\n        count\n        amountCents\n        olderThanDays\n      }\n    }\n  }\n": types.DashboardMetricsDocument,
    "\n  query DashboardWeek($from: String!, $to: String!) {\n    metrics(from: $from, to: $to) {\n      ...DashboardFigures\n    }\n  }\n": types.DashboardWeekDocument,
    "\n  query DashboardUnmatched {\n    unmatchedTransactions(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          amountCents\n          postedOn\n        }\n      }\n    }\n  }\n": types.DashboardUnmatchedDocument,
    "\n  query Outbox {\n    emailUsesOutbox\n    emails(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          to\n          from\n          subject\n          text\n          status\n          attempts\n          lastError\n          sentAt\n          createdAt\n          attachmentList {\n            filename\n            size\n          }\n        }\n      }\n    }\n  }\n": types.OutboxDocument,
    "\n  mutation SendWeeklyReports($input: SendWeeklyReportsInput) {\n    sendWeeklyReports(input: $input) {\n      queued\n      emails {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SendWeeklyReportsDocument,
    "\n  fragment ReviewFields on Review {\n    id\n    source\n    reviewerName\n    rating\n    comment\n    createdAt\n    sentiment\n    praised\n    raised\n    flagged\n    verification\n    verificationEvidence {\n      confidence\n      matchedOn\n      customerName\n      eventDate\n      eventsChecked\n      windowDays\n      customer {\n        id\n        name\n      }\n      booking {\n        id\n      }\n    }\n    replyState\n    replyText\n    replyPostsAt\n    repliedAt\n    replyFailure\n  }\n": types.ReviewFieldsFragmentDoc,
    "\n  query Reviews($first: Int, $after: String, $rating: Int, $needsAttention: Boolean, $flagged: Boolean, $replyState: ReplyState) {\n    reviews(first: $first, after: $after, rating: $rating, needsAttention: $needsAttention, flagged: $flagged, replyState: $replyState) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ReviewFields\n        }\n      }\n    }\n  }\n": types.ReviewsDocument,
    "\n  subscription ReviewAdded {\n    reviewAdded {\n      id\n    }\n  }\n": types.ReviewAddedDocument,
    "\n  subscription ReviewUpdated {\n    reviewUpdated {\n      ...ReviewFields\n    }\n  }\n": types.ReviewUpdatedDocument,
    "\n  mutation ApproveReviewReply($input: ApproveReviewReplyInput!) {\n    approveReviewReply(input: $input) {\n      review {\n        ...ReviewFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.ApproveReviewReplyDocument,
    "\n  mutation AddReview($input: AddReviewInput!) {\n    addReview(input: $input) {\n      review {\n        ...ReviewFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.AddReviewDocument,
    "\n  query ReviewAnalytics($from: DateTimeISO!, $to: DateTimeISO!) {\n    reviewAnalytics(from: $from, to: $to) {\n      reviews\n      averageRating\n      responseRate\n      medianResponseSeconds\n      byWeek {\n        periodStart\n        averageRating\n        averageSentiment\n        reviews\n      }\n      byMonth {\n        periodStart\n        averageRating\n        reviews\n      }\n      keywords {\n        word\n        count\n      }\n    }\n  }\n": types.ReviewAnalyticsDocument,
    "\n  query Search($query: String!, $first: Int) {\n    search(query: $query, first: $first) {\n      query\n      customers {\n        ...CustomerNameFields\n        identities {\n          id\n          kind\n          display\n        }\n      }\n      conversations {\n        id\n        channel\n        stage\n        lastMessageAt\n        customer {\n          ...CustomerNameFields\n        }\n        lastMessage {\n          id\n          text\n          author\n        }\n      }\n      messages {\n        snippet\n        message {\n          id\n          author\n          createdAt\n        }\n        conversation {\n          id\n          channel\n          customer {\n            ...CustomerNameFields\n          }\n        }\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  fragment StaffMemberFields on StaffUser {\n    id\n    email\n    displayName\n    role\n    hasPassword\n    deactivatedAt\n    extension {\n      id\n      number\n      employeeName\n      status\n      staffUserId\n    }\n  }\n": types.StaffMemberFieldsFragmentDoc,
    "\n  query StaffUsers($first: Int!) {\n    staffUsers(first: $first) {\n      totalCount\n      edges {\n        node {\n          ...StaffMemberFields\n        }\n      }\n    }\n  }\n": types.StaffUsersDocument,
    "\n  mutation CreateStaffUser($input: CreateStaffUserInput!) {\n    createStaffUser(input: $input) {\n      staffUser {\n        ...StaffMemberFields\n      }\n      passwordLink {\n        path\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateStaffUserDocument,
    "\n  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {\n    updateStaffUser(input: $input) {\n      staffUser {\n        ...StaffMemberFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateStaffUserDocument,
    "\n  mutation SetStaffUserActive($id: ID!, $active: Boolean!) {\n    setStaffUserActive(id: $id, active: $active) {\n      staffUser {\n        ...StaffMemberFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SetStaffUserActiveDocument,
    "\n  mutation CreateStaffPasswordLink($id: ID!) {\n    createStaffPasswordLink(id: $id) {\n      passwordLink {\n        path\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateStaffPasswordLinkDocument,
    "\n  mutation SetPasswordWithLink($input: SetPasswordWithLinkInput!) {\n    setPasswordWithLink(input: $input) {\n      email\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SetPasswordWithLinkDocument,
    "\n  query MyPresence {\n    me {\n      id\n      extension {\n        id\n        number\n        status\n      }\n    }\n  }\n": types.MyPresenceDocument,
    "\n  mutation SetAway($away: Boolean!) {\n    setAway(away: $away) {\n      extension {\n        id\n        number\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SetAwayDocument,
    "\n  query OpenTasks($first: Int, $after: String) {\n    tasks(open: true, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          detail\n          kind\n          subjectId\n          createdAt\n          assignedTo {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.OpenTasksDocument,
    "\n  mutation CompleteTask($input: CompleteTaskInput!) {\n    completeTask(input: $input) {\n      task {\n        id\n        completedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CompleteTaskDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChatMessageFields on Message {\n    id\n    author\n    senderName\n    text\n    createdAt\n  }\n"): (typeof documents)["\n  fragment ChatMessageFields on Message {\n    id\n    author\n    senderName\n    text\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartWebChatSession {\n    startWebChatSession {\n      sessionToken\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartWebChatSession {\n    startWebChatSession {\n      sessionToken\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendWebChatMessage($sessionToken: String!, $text: String!) {\n    sendWebChatMessage(sessionToken: $sessionToken, text: $text) {\n      message {\n        ...ChatMessageFields\n      }\n      reply {\n        ...ChatMessageFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendWebChatMessage($sessionToken: String!, $text: String!) {\n    sendWebChatMessage(sessionToken: $sessionToken, text: $text) {\n      message {\n        ...ChatMessageFields\n      }\n      reply {\n        ...ChatMessageFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WebChatReply($sessionToken: String!) {\n    webChatReply(sessionToken: $sessionToken) {\n      ...ChatMessageFields\n    }\n  }\n"): (typeof documents)["\n  subscription WebChatReply($sessionToken: String!) {\n    webChatReply(sessionToken: $sessionToken) {\n      ...ChatMessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebChatHistory($sessionToken: String!) {\n    webChatHistory(sessionToken: $sessionToken) {\n      ...ChatMessageFields\n    }\n  }\n"): (typeof documents)["\n  query WebChatHistory($sessionToken: String!) {\n    webChatHistory(sessionToken: $sessionToken) {\n      ...ChatMessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebChatWelcome {\n    webChatWelcome {\n      businessName\n      open\n      opensAt\n      afterHoursNotice\n    }\n  }\n"): (typeof documents)["\n  query WebChatWelcome {\n    webChatWelcome {\n      businessName\n      open\n      opensAt\n      afterHoursNotice\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWebChatTyping($sessionToken: String!, $typing: Boolean!) {\n    setWebChatTyping(sessionToken: $sessionToken, typing: $typing) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation SetWebChatTyping($sessionToken: String!, $typing: Boolean!) {\n    setWebChatTyping(sessionToken: $sessionToken, typing: $typing) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WebChatTyping($sessionToken: String!) {\n    webChatTyping(sessionToken: $sessionToken) {\n      typing\n      name\n      expiresInSeconds\n    }\n  }\n"): (typeof documents)["\n  subscription WebChatTyping($sessionToken: String!) {\n    webChatTyping(sessionToken: $sessionToken) {\n      typing\n      name\n      expiresInSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BankConnectionFields on BankConnection {\n    id\n    institutionName\n    status\n    statusMessage\n    lastSyncedAt\n    lastSyncError\n    lastSync {\n      added\n      modified\n      removed\n    }\n    accounts {\n      id\n      name\n      mask\n      type\n      subtype\n    }\n  }\n"): (typeof documents)["\n  fragment BankConnectionFields on BankConnection {\n    id\n    institutionName\n    status\n    statusMessage\n    lastSyncedAt\n    lastSyncError\n    lastSync {\n      added\n      modified\n      removed\n    }\n    accounts {\n      id\n      name\n      mask\n      type\n      subtype\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BankFeed {\n    bankFeed {\n      plaidConfigured\n      plaidEnvironment\n      connections {\n        ...BankConnectionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query BankFeed {\n    bankFeed {\n      plaidConfigured\n      plaidEnvironment\n      connections {\n        ...BankConnectionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePlaidLinkToken($connectionId: ID) {\n    createPlaidLinkToken(connectionId: $connectionId) {\n      linkToken\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePlaidLinkToken($connectionId: ID) {\n    createPlaidLinkToken(connectionId: $connectionId) {\n      linkToken\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExchangePlaidPublicToken($publicToken: String!) {\n    exchangePlaidPublicToken(publicToken: $publicToken) {\n      connection {\n        ...BankConnectionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ExchangePlaidPublicToken($publicToken: String!) {\n    exchangePlaidPublicToken(publicToken: $publicToken) {\n      connection {\n        ...BankConnectionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncBankTransactions($connectionId: ID!) {\n    syncBankTransactions(connectionId: $connectionId) {\n      connection {\n        ...BankConnectionFields\n      }\n      synced {\n        added\n        modified\n        removed\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SyncBankTransactions($connectionId: ID!) {\n    syncBankTransactions(connectionId: $connectionId) {\n      connection {\n        ...BankConnectionFields\n      }\n      synced {\n        added\n        modified\n        removed\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GoogleConnectionFields on GoogleConnectionView {\n    configured\n    state\n    message\n    accountName\n    locationTitle\n    locationName\n    lastSyncedAt\n    lastSyncError\n    lastSync {\n      added\n      updated\n      unchanged\n      deleted\n    }\n  }\n"): (typeof documents)["\n  fragment GoogleConnectionFields on GoogleConnectionView {\n    configured\n    state\n    message\n    accountName\n    locationTitle\n    locationName\n    lastSyncedAt\n    lastSyncError\n    lastSync {\n      added\n      updated\n      unchanged\n      deleted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GoogleConnection {\n    googleConnection {\n      ...GoogleConnectionFields\n    }\n  }\n"): (typeof documents)["\n  query GoogleConnection {\n    googleConnection {\n      ...GoogleConnectionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GoogleLocations {\n    googleLocations {\n      name\n      title\n      accountName\n    }\n  }\n"): (typeof documents)["\n  query GoogleLocations {\n    googleLocations {\n      name\n      title\n      accountName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectGoogle {\n    connectGoogle {\n      consentUrl\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConnectGoogle {\n    connectGoogle {\n      consentUrl\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SelectGoogleLocation($locationName: String!) {\n    selectGoogleLocation(locationName: $locationName) {\n      connection {\n        ...GoogleConnectionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SelectGoogleLocation($locationName: String!) {\n    selectGoogleLocation(locationName: $locationName) {\n      connection {\n        ...GoogleConnectionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncGoogleReviews {\n    syncReviews {\n      connection {\n        ...GoogleConnectionFields\n      }\n      synced {\n        listed\n        added\n        updated\n        deleted\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SyncGoogleReviews {\n    syncReviews {\n      connection {\n        ...GoogleConnectionFields\n      }\n      synced {\n        listed\n        added\n        updated\n        deleted\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationInboxFields on Conversation {\n    unreadCount\n    lastCustomerMessage {\n      id\n      text\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment ConversationInboxFields on Conversation {\n    unreadCount\n    lastCustomerMessage {\n      id\n      text\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationActivityFields on Conversation {\n    ...ConversationSummaryFields\n    lastCustomerMessage {\n      id\n      text\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment ConversationActivityFields on Conversation {\n    ...ConversationSummaryFields\n    lastCustomerMessage {\n      id\n      text\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadInHeldThreads {\n    unreadInHeldThreads\n  }\n"): (typeof documents)["\n  query UnreadInHeldThreads {\n    unreadInHeldThreads\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationMessagesAfter($id: ID!, $afterMessage: ID!, $after: String) {\n    conversation(id: $id) {\n      id\n      messages(first: 100, afterMessage: $afterMessage, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConversationMessagesAfter($id: ID!, $afterMessage: ID!, $after: String) {\n    conversation(id: $id) {\n      id\n      messages(first: 100, afterMessage: $afterMessage, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkConversationRead($conversationId: ID!, $upToMessageId: ID) {\n    markConversationRead(conversationId: $conversationId, upToMessageId: $upToMessageId) {\n      conversation {\n        id\n        unreadCount\n      }\n      userErrors {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MarkConversationRead($conversationId: ID!, $upToMessageId: ID) {\n    markConversationRead(conversationId: $conversationId, upToMessageId: $upToMessageId) {\n      conversation {\n        id\n        unreadCount\n      }\n      userErrors {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationActivity {\n    conversationActivity {\n      conversationId\n      message {\n        ...MessageFields\n      }\n      conversation {\n        ...ConversationActivityFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ConversationActivity {\n    conversationActivity {\n      conversationId\n      message {\n        ...MessageFields\n      }\n      conversation {\n        ...ConversationActivityFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationRead {\n    conversationRead {\n      conversationId\n      unreadInHeldThreads\n      conversation {\n        id\n        unreadCount\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ConversationRead {\n    conversationRead {\n      conversationId\n      unreadInHeldThreads\n      conversation {\n        id\n        unreadCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n"): (typeof documents)["\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffUserFields on StaffUser {\n    id\n    email\n    displayName\n    role\n  }\n"): (typeof documents)["\n  fragment StaffUserFields on StaffUser {\n    id\n    email\n    displayName\n    role\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExtensionFields on Extension {\n    id\n    number\n    employeeName\n    role\n    phone\n    status\n    availableNow\n    availabilityChangesAt\n    isPrimaryEscalation\n    staffUserId\n    workingHours {\n      day\n      start\n      end\n    }\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ExtensionFields on Extension {\n    id\n    number\n    employeeName\n    role\n    phone\n    status\n    availableNow\n    availabilityChangesAt\n    isPrimaryEscalation\n    staffUserId\n    workingHours {\n      day\n      start\n      end\n    }\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...StaffUserFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...StaffUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staffUser {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staffUser {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout {\n      ok\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout {\n      ok\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Extensions($first: Int!) {\n    extensions(first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...ExtensionFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Extensions($first: Int!) {\n    extensions(first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...ExtensionFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExtension($input: CreateExtensionInput!) {\n    createExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateExtension($input: CreateExtensionInput!) {\n    createExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateExtension($input: UpdateExtensionInput!) {\n    updateExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateExtension($input: UpdateExtensionInput!) {\n    updateExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteExtension($id: ID!) {\n    deleteExtension(id: $id) {\n      deletedExtensionId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteExtension($id: ID!) {\n    deleteExtension(id: $id) {\n      deletedExtensionId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetExtensionStatus($id: ID!, $status: ExtensionStatus!) {\n    setExtensionStatus(id: $id, status: $status) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetExtensionStatus($id: ID!, $status: ExtensionStatus!) {\n    setExtensionStatus(id: $id, status: $status) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPrimaryEscalationExtension($id: ID!) {\n    setPrimaryEscalationExtension(id: $id) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetPrimaryEscalationExtension($id: ID!) {\n    setPrimaryEscalationExtension(id: $id) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ExtensionUpdated {\n    extensionUpdated {\n      change\n      occurredAt\n      extension {\n        ...ExtensionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ExtensionUpdated {\n    extensionUpdated {\n      change\n      occurredAt\n      extension {\n        ...ExtensionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageFields on Message {\n    id\n    direction\n    author\n    channel\n    text\n    senderName\n    deliveryStatus\n    via\n    createdAt\n  }\n"): (typeof documents)["\n  fragment MessageFields on Message {\n    id\n    direction\n    author\n    channel\n    text\n    senderName\n    deliveryStatus\n    via\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EscalationFields on Escalation {\n    id\n    version\n    status\n    reason\n    createdAt\n    assignedAt\n    resolvedAt\n    assignedExtension {\n      id\n      number\n      employeeName\n    }\n    takenOverBy {\n      id\n      displayName\n    }\n    handedOverBy {\n      id\n      displayName\n    }\n    upset\n    handoff {\n      channel\n      customerName\n      reasonText\n      lastCustomerMessage\n      quote\n      details {\n        field\n        value\n        confidence\n      }\n    }\n    routingLog {\n      createdAt\n      explanation\n    }\n    # The thread's holder and stage change with the escalation: every view of it stays current.\n    conversation {\n      ...ConversationSummaryFields\n    }\n  }\n"): (typeof documents)["\n  fragment EscalationFields on Escalation {\n    id\n    version\n    status\n    reason\n    createdAt\n    assignedAt\n    resolvedAt\n    assignedExtension {\n      id\n      number\n      employeeName\n    }\n    takenOverBy {\n      id\n      displayName\n    }\n    handedOverBy {\n      id\n      displayName\n    }\n    upset\n    handoff {\n      channel\n      customerName\n      reasonText\n      lastCustomerMessage\n      quote\n      details {\n        field\n        value\n        confidence\n      }\n    }\n    routingLog {\n      createdAt\n      explanation\n    }\n    # The thread's holder and stage change with the escalation: every view of it stays current.\n    conversation {\n      ...ConversationSummaryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EscalationVersion on Escalation {\n    version\n  }\n"): (typeof documents)["\n  fragment EscalationVersion on Escalation {\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationSummaryFields on Conversation {\n    id\n    channel\n    stage\n    aiPaused\n    handoffStatus\n    lastMessageAt\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    heldBy {\n      id\n      displayName\n    }\n    assignedExtension {\n      id\n      number\n      employeeName\n    }\n    openEscalation {\n      id\n      status\n      reason\n    }\n  }\n"): (typeof documents)["\n  fragment ConversationSummaryFields on Conversation {\n    id\n    channel\n    stage\n    aiPaused\n    handoffStatus\n    lastMessageAt\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    heldBy {\n      id\n      displayName\n    }\n    assignedExtension {\n      id\n      number\n      employeeName\n    }\n    openEscalation {\n      id\n      status\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Escalations($first: Int!) {\n    escalations(first: $first) {\n      totalCount\n      edges {\n        node {\n          ...EscalationFields\n          conversation {\n            id\n            ...ConversationInboxFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Escalations($first: Int!) {\n    escalations(first: $first) {\n      totalCount\n      edges {\n        node {\n          ...EscalationFields\n          conversation {\n            id\n            ...ConversationInboxFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversations($first: Int!, $after: String, $stage: ConversationStage, $channel: Channel, $escalated: Boolean) {\n    conversations(first: $first, after: $after, stage: $stage, channel: $channel, escalated: $escalated) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ConversationSummaryFields\n          ...ConversationInboxFields\n          lastMessage {\n            id\n            text\n            author\n            createdAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conversations($first: Int!, $after: String, $stage: ConversationStage, $channel: Channel, $escalated: Boolean) {\n    conversations(first: $first, after: $after, stage: $stage, channel: $channel, escalated: $escalated) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ConversationSummaryFields\n          ...ConversationInboxFields\n          lastMessage {\n            id\n            text\n            author\n            createdAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversation($id: ID!, $messagesAfter: String) {\n    conversation(id: $id) {\n      ...ConversationSummaryFields\n      ...ConversationInboxFields\n      failedAttempts\n      bookingDraft {\n        field\n        value\n        confidence\n      }\n      openEscalation {\n        ...EscalationFields\n      }\n      messages(first: 100, after: $messagesAfter) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conversation($id: ID!, $messagesAfter: String) {\n    conversation(id: $id) {\n      ...ConversationSummaryFields\n      ...ConversationInboxFields\n      failedAttempts\n      bookingDraft {\n        field\n        value\n        confidence\n      }\n      openEscalation {\n        ...EscalationFields\n      }\n      messages(first: 100, after: $messagesAfter) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TakeOverConversation($conversationId: ID!) {\n    takeOverConversation(conversationId: $conversationId) {\n      conversation {\n        ...ConversationSummaryFields\n      }\n      escalation {\n        ...EscalationFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TakeOverConversation($conversationId: ID!) {\n    takeOverConversation(conversationId: $conversationId) {\n      conversation {\n        ...ConversationSummaryFields\n      }\n      escalation {\n        ...EscalationFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendMessage($messageId: ID!) {\n    resendMessage(messageId: $messageId) {\n      message {\n        ...MessageFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResendMessage($messageId: ID!) {\n    resendMessage(messageId: $messageId) {\n      message {\n        ...MessageFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendStaffReply($conversationId: ID!, $text: String!) {\n    sendStaffReply(conversationId: $conversationId, text: $text) {\n      message {\n        ...MessageFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendStaffReply($conversationId: ID!, $text: String!) {\n    sendStaffReply(conversationId: $conversationId, text: $text) {\n      message {\n        ...MessageFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseConversation($conversationId: ID!) {\n    releaseConversation(conversationId: $conversationId) {\n      conversation {\n        ...ConversationSummaryFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReleaseConversation($conversationId: ID!) {\n    releaseConversation(conversationId: $conversationId) {\n      conversation {\n        ...ConversationSummaryFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HandOverConversation($conversationId: ID!, $toStaffUserId: ID!) {\n    handOverConversation(conversationId: $conversationId, toStaffUserId: $toStaffUserId) {\n      conversation {\n        ...ConversationSummaryFields\n      }\n      escalation {\n        ...EscalationFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation HandOverConversation($conversationId: ID!, $toStaffUserId: ID!) {\n    handOverConversation(conversationId: $conversationId, toStaffUserId: $toStaffUserId) {\n      conversation {\n        ...ConversationSummaryFields\n      }\n      escalation {\n        ...EscalationFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HandoverColleagues {\n    handoverColleagues {\n      id\n      displayName\n      role\n    }\n  }\n"): (typeof documents)["\n  query HandoverColleagues {\n    handoverColleagues {\n      id\n      displayName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveEscalation($escalationId: ID!, $closingMessage: String) {\n    resolveEscalation(escalationId: $escalationId, closingMessage: $closingMessage) {\n      escalation {\n        ...EscalationFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveEscalation($escalationId: ID!, $closingMessage: String) {\n    resolveEscalation(escalationId: $escalationId, closingMessage: $closingMessage) {\n      escalation {\n        ...EscalationFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EscalationRaised {\n    escalationRaised {\n      ...EscalationFields\n    }\n  }\n"): (typeof documents)["\n  subscription EscalationRaised {\n    escalationRaised {\n      ...EscalationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EscalationUpdated {\n    escalationUpdated {\n      ...EscalationFields\n    }\n  }\n"): (typeof documents)["\n  subscription EscalationUpdated {\n    escalationUpdated {\n      ...EscalationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationMessageAdded($conversationId: ID!) {\n    conversationMessageAdded(conversationId: $conversationId) {\n      conversationId\n      message {\n        ...MessageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ConversationMessageAdded($conversationId: ID!) {\n    conversationMessageAdded(conversationId: $conversationId) {\n      conversationId\n      message {\n        ...MessageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationMessageUpdated($conversationId: ID!) {\n    conversationMessageUpdated(conversationId: $conversationId) {\n      conversationId\n      message {\n        ...MessageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ConversationMessageUpdated($conversationId: ID!) {\n    conversationMessageUpdated(conversationId: $conversationId) {\n      conversationId\n      message {\n        ...MessageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChannelConnectionFields on ChannelConnection {\n    provider\n    configured\n    sender\n    subscriptionId\n    subscriptionExpiresAt\n    status\n    lastError\n  }\n"): (typeof documents)["\n  fragment ChannelConnectionFields on ChannelConnection {\n    provider\n    configured\n    sender\n    subscriptionId\n    subscriptionExpiresAt\n    status\n    lastError\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChannelConnections {\n    channelConnections {\n      ...ChannelConnectionFields\n    }\n  }\n"): (typeof documents)["\n  query ChannelConnections {\n    channelConnections {\n      ...ChannelConnectionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ChannelConnectionsChanged {\n    channelConnectionsChanged {\n      ...ChannelConnectionFields\n    }\n  }\n"): (typeof documents)["\n  subscription ChannelConnectionsChanged {\n    channelConnectionsChanged {\n      ...ChannelConnectionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncChannelSubscriptions {\n    syncChannelSubscriptions {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SyncChannelSubscriptions {\n    syncChannelSubscriptions {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEventFields on WebhookEvent {\n    id\n    provider\n    kind\n    status\n    attempts\n    lastError\n    receivedAt\n    appliedAt\n    payload\n  }\n"): (typeof documents)["\n  fragment WebhookEventFields on WebhookEvent {\n    id\n    provider\n    kind\n    status\n    attempts\n    lastError\n    receivedAt\n    appliedAt\n    payload\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEvents($status: WebhookEventStatus, $first: Int!) {\n    webhookEvents(status: $status, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...WebhookEventFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookEvents($status: WebhookEventStatus, $first: Int!) {\n    webhookEvents(status: $status, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...WebhookEventFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WebhookEventChanged {\n    webhookEventChanged {\n      webhookEventId\n      status\n      attempts\n      lastError\n      appliedAt\n    }\n  }\n"): (typeof documents)["\n  subscription WebhookEventChanged {\n    webhookEventChanged {\n      webhookEventId\n      status\n      attempts\n      lastError\n      appliedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryWebhookEvent($id: ID!) {\n    retryWebhookEvent(id: $id) {\n      webhookEvent {\n        ...WebhookEventFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RetryWebhookEvent($id: ID!) {\n    retryWebhookEvent(id: $id) {\n      webhookEvent {\n        ...WebhookEventFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BookingFields on Booking {\n    id\n    version\n    status\n    eventDate\n    startTime\n    startsAt\n    address\n    adults\n    kids\n    partySize\n    dietaryNotes\n    smsConsent\n    sourceChannel\n    createdAt\n    updatedAt\n    confirmedAt\n    completedAt\n    cancelledAt\n    cancellationReason\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    conversation {\n      id\n      channel\n    }\n    price {\n      adults\n      kids\n      pricePerAdultCents\n      pricePerKidCents\n      foodCents\n      minimumSpendCents\n      minimumTopUpCents\n      travelFeeCents\n      totalCents\n      depositCents\n      paidCents\n      balanceCents\n    }\n  }\n"): (typeof documents)["\n  fragment BookingFields on Booking {\n    id\n    version\n    status\n    eventDate\n    startTime\n    startsAt\n    address\n    adults\n    kids\n    partySize\n    dietaryNotes\n    smsConsent\n    sourceChannel\n    createdAt\n    updatedAt\n    confirmedAt\n    completedAt\n    cancelledAt\n    cancellationReason\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    conversation {\n      id\n      channel\n    }\n    price {\n      adults\n      kids\n      pricePerAdultCents\n      pricePerKidCents\n      foodCents\n      minimumSpendCents\n      minimumTopUpCents\n      travelFeeCents\n      totalCents\n      depositCents\n      paidCents\n      balanceCents\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BookingVersion on Booking {\n    version\n  }\n"): (typeof documents)["\n  fragment BookingVersion on Booking {\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TravelQuoteFields on TravelQuote {\n    id\n    address\n    formattedAddress\n    miles\n    driveMinutes\n    feeCents\n    band\n    bandLabel\n    declined\n    declineReason\n    estimate\n    provider\n    departureAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment TravelQuoteFields on TravelQuote {\n    id\n    address\n    formattedAddress\n    miles\n    driveMinutes\n    feeCents\n    band\n    bandLabel\n    declined\n    declineReason\n    estimate\n    provider\n    departureAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TermsAcknowledgmentFields on TermsAcknowledgment {\n    id\n    sequence\n    channel\n    replyText\n    providerMessageId\n    fromAddress\n    signatureVerified\n    receivedAt\n    ip\n    userAgent\n    contentSha256\n    previousSha256\n    termsSha256\n    createdAt\n    termsVersion {\n      id\n      label\n      title\n    }\n    recordedBy {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment TermsAcknowledgmentFields on TermsAcknowledgment {\n    id\n    sequence\n    channel\n    replyText\n    providerMessageId\n    fromAddress\n    signatureVerified\n    receivedAt\n    ip\n    userAgent\n    contentSha256\n    previousSha256\n    termsSha256\n    createdAt\n    termsVersion {\n      id\n      label\n      title\n    }\n    recordedBy {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BookingDetailFields on Booking {\n    ...BookingFields\n    travelQuote {\n      ...TravelQuoteFields\n    }\n    termsAcknowledgment {\n      ...TermsAcknowledgmentFields\n    }\n  }\n"): (typeof documents)["\n  fragment BookingDetailFields on Booking {\n    ...BookingFields\n    travelQuote {\n      ...TravelQuoteFields\n    }\n    termsAcknowledgment {\n      ...TermsAcknowledgmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Bookings(\n    $first: Int!\n    $after: String\n    $status: [BookingStatus!]\n    $eventDateFrom: String\n    $eventDateTo: String\n    $sourceChannel: Channel\n    $search: String\n  ) {\n    bookings(\n      first: $first\n      after: $after\n      status: $status\n      eventDateFrom: $eventDateFrom\n      eventDateTo: $eventDateTo\n      sourceChannel: $sourceChannel\n      search: $search\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...BookingFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Bookings(\n    $first: Int!\n    $after: String\n    $status: [BookingStatus!]\n    $eventDateFrom: String\n    $eventDateTo: String\n    $sourceChannel: Channel\n    $search: String\n  ) {\n    bookings(\n      first: $first\n      after: $after\n      status: $status\n      eventDateFrom: $eventDateFrom\n      eventDateTo: $eventDateTo\n      sourceChannel: $sourceChannel\n      search: $search\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...BookingFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Booking($id: ID!) {\n    booking(id: $id) {\n      ...BookingDetailFields\n    }\n  }\n"): (typeof documents)["\n  query Booking($id: ID!) {\n    booking(id: $id) {\n      ...BookingDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBooking($input: CreateBookingInput!) {\n    createBooking(input: $input) {\n      booking {\n        ...BookingDetailFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateBooking($input: CreateBookingInput!) {\n    createBooking(input: $input) {\n      booking {\n        ...BookingDetailFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBooking($input: UpdateBookingInput!) {\n    updateBooking(input: $input) {\n      booking {\n        ...BookingDetailFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateBooking($input: UpdateBookingInput!) {\n    updateBooking(input: $input) {\n      booking {\n        ...BookingDetailFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelBooking($input: CancelBookingInput!) {\n    cancelBooking(input: $input) {\n      booking {\n        ...BookingDetailFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelBooking($input: CancelBookingInput!) {\n    cancelBooking(input: $input) {\n      booking {\n        ...BookingDetailFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BookingUpdated {\n    bookingUpdated {\n      change\n      occurredAt\n      booking {\n        ...BookingDetailFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription BookingUpdated {\n    bookingUpdated {\n      change\n      occurredAt\n      booking {\n        ...BookingDetailFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuoteTravel($input: QuoteTravelInput!) {\n    quoteTravel(input: $input) {\n      quote {\n        ...TravelQuoteFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QuoteTravel($input: QuoteTravelInput!) {\n    quoteTravel(input: $input) {\n      quote {\n        ...TravelQuoteFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TravelQuotes($first: Int!, $after: String) {\n    travelQuotes(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...TravelQuoteFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TravelQuotes($first: Int!, $after: String) {\n    travelQuotes(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...TravelQuoteFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DayRouteFields on DayRoute {\n    date\n    baseAddress\n    estimate\n    totalMiles\n    totalMinutes\n    clusterRadiusMiles\n    clusterDiscountPercent\n    stops {\n      position\n      milesFromPrevious\n      minutesFromPrevious\n      travelFeeCents\n      clusteredTravelFeeCents\n      clusterDiscountCents\n      clusteredWith\n      booking {\n        id\n        version\n        status\n        eventDate\n        startTime\n        address\n        partySize\n        customer {\n          id\n          name\n          phone\n          email\n        }\n      }\n    }\n    unreachable {\n      id\n      version\n      status\n      eventDate\n      startTime\n      address\n      partySize\n      customer {\n        id\n        name\n        phone\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DayRouteFields on DayRoute {\n    date\n    baseAddress\n    estimate\n    totalMiles\n    totalMinutes\n    clusterRadiusMiles\n    clusterDiscountPercent\n    stops {\n      position\n      milesFromPrevious\n      minutesFromPrevious\n      travelFeeCents\n      clusteredTravelFeeCents\n      clusterDiscountCents\n      clusteredWith\n      booking {\n        id\n        version\n        status\n        eventDate\n        startTime\n        address\n        partySize\n        customer {\n          id\n          name\n          phone\n          email\n        }\n      }\n    }\n    unreachable {\n      id\n      version\n      status\n      eventDate\n      startTime\n      address\n      partySize\n      customer {\n        id\n        name\n        phone\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DayRoute($date: String!) {\n    dayRoute(date: $date) {\n      ...DayRouteFields\n    }\n  }\n"): (typeof documents)["\n  query DayRoute($date: String!) {\n    dayRoute(date: $date) {\n      ...DayRouteFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyClusterDiscounts($date: String!) {\n    applyClusterDiscounts(date: $date) {\n      route {\n        ...DayRouteFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyClusterDiscounts($date: String!) {\n    applyClusterDiscounts(date: $date) {\n      route {\n        ...DayRouteFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NextConfirmedEvent($from: String!) {\n    bookings(first: 1, status: [CONFIRMED], eventDateFrom: $from) {\n      edges {\n        node {\n          id\n          eventDate\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NextConfirmedEvent($from: String!) {\n    bookings(first: 1, status: [CONFIRMED], eventDateFrom: $from) {\n      edges {\n        node {\n          id\n          eventDate\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TermsVersionFields on TermsVersion {\n    id\n    version\n    label\n    title\n    text\n    sha256\n    isCurrent\n    publishedAt\n    url\n    publishedBy {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment TermsVersionFields on TermsVersion {\n    id\n    version\n    label\n    title\n    text\n    sha256\n    isCurrent\n    publishedAt\n    url\n    publishedBy {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TermsVersions($first: Int!, $after: String) {\n    currentTermsVersion {\n      ...TermsVersionFields\n    }\n    termsVersions(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...TermsVersionFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TermsVersions($first: Int!, $after: String) {\n    currentTermsVersion {\n      ...TermsVersionFields\n    }\n    termsVersions(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...TermsVersionFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentTermsVersion {\n    currentTermsVersion {\n      id\n      label\n      title\n      url\n    }\n  }\n"): (typeof documents)["\n  query CurrentTermsVersion {\n    currentTermsVersion {\n      id\n      label\n      title\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishTermsVersion($input: PublishTermsVersionInput!) {\n    publishTermsVersion(input: $input) {\n      termsVersion {\n        ...TermsVersionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishTermsVersion($input: PublishTermsVersionInput!) {\n    publishTermsVersion(input: $input) {\n      termsVersion {\n        ...TermsVersionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyTermsEvidence {\n    verifyTermsEvidence {\n      ok\n      checkedCount\n      mismatchCount\n      headSequence\n      headSha256\n      verifiedAt\n      firstMismatch {\n        acknowledgmentId\n        sequence\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  query VerifyTermsEvidence {\n    verifyTermsEvidence {\n      ok\n      checkedCount\n      mismatchCount\n      headSequence\n      headSha256\n      verifiedAt\n      firstMismatch {\n        acknowledgmentId\n        sequence\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PrintableEvidence($bookingId: ID!) {\n    termsEvidence(bookingId: $bookingId) {\n      printableUrl\n    }\n  }\n"): (typeof documents)["\n  query PrintableEvidence($bookingId: ID!) {\n    termsEvidence(bookingId: $bookingId) {\n      printableUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordTermsAcknowledgment($input: RecordTermsAcknowledgmentInput!) {\n    recordTermsAcknowledgment(input: $input) {\n      acknowledgment {\n        ...TermsAcknowledgmentFields\n        booking {\n          ...BookingDetailFields\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordTermsAcknowledgment($input: RecordTermsAcknowledgmentInput!) {\n    recordTermsAcknowledgment(input: $input) {\n      acknowledgment {\n        ...TermsAcknowledgmentFields\n        booking {\n          ...BookingDetailFields\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDepositCheckout($bookingId: ID!) {\n    createDepositCheckout(bookingId: $bookingId) {\n      checkout {\n        id\n        amountCents\n        status\n        provider\n        url\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDepositCheckout($bookingId: ID!) {\n    createDepositCheckout(bookingId: $bookingId) {\n      checkout {\n        id\n        amountCents\n        status\n        provider\n        url\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookingScheduledMessages($id: ID!) {\n    booking(id: $id) {\n      id\n      scheduledMessages {\n        kind\n        daysBefore\n        dueAt\n        sendAt\n        status\n        reason\n        handledAt\n        timeZone\n        timeZoneSource\n      }\n    }\n  }\n"): (typeof documents)["\n  query BookingScheduledMessages($id: ID!) {\n    booking(id: $id) {\n      id\n      scheduledMessages {\n        kind\n        daysBefore\n        dueAt\n        sendAt\n        status\n        reason\n        handledAt\n        timeZone\n        timeZoneSource\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentMatchFields on PaymentMatch {\n    id\n    status\n    type\n    confidence\n    reason\n    origin\n    bookingReference\n    createdAt\n    booking {\n      id\n      eventDate\n      status\n      customer {\n        id\n        name\n        phone\n      }\n      price {\n        totalCents\n        depositCents\n        paidCents\n        balanceCents\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PaymentMatchFields on PaymentMatch {\n    id\n    status\n    type\n    confidence\n    reason\n    origin\n    bookingReference\n    createdAt\n    booking {\n      id\n      eventDate\n      status\n      customer {\n        id\n        name\n        phone\n      }\n      price {\n        totalCents\n        depositCents\n        paidCents\n        balanceCents\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BankTransactionFields on BankTransaction {\n    id\n    amountCents\n    postedOn\n    description\n    source\n  }\n"): (typeof documents)["\n  fragment BankTransactionFields on BankTransaction {\n    id\n    amountCents\n    postedOn\n    description\n    source\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentReview {\n    paymentMatches(status: SUGGESTED, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...PaymentMatchFields\n          bankTransaction {\n            ...BankTransactionFields\n          }\n        }\n      }\n    }\n    unmatchedTransactions(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...BankTransactionFields\n          suggestions {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PaymentReview {\n    paymentMatches(status: SUGGESTED, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...PaymentMatchFields\n          bankTransaction {\n            ...BankTransactionFields\n          }\n        }\n      }\n    }\n    unmatchedTransactions(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...BankTransactionFields\n          suggestions {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyPaymentMatch($id: ID!) {\n    verifyPaymentMatch(input: { id: $id }) {\n      paymentMatch {\n        id\n        status\n        bookingReference\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyPaymentMatch($id: ID!) {\n    verifyPaymentMatch(input: { id: $id }) {\n      paymentMatch {\n        id\n        status\n        bookingReference\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectPaymentMatch($id: ID!) {\n    rejectPaymentMatch(input: { id: $id }) {\n      paymentMatch {\n        id\n        status\n        bookingReference\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RejectPaymentMatch($id: ID!) {\n    rejectPaymentMatch(input: { id: $id }) {\n      paymentMatch {\n        id\n        status\n        bookingReference\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MatchPayment($input: MatchPaymentInput!) {\n    matchPayment(input: $input) {\n      paymentMatch {\n        id\n        status\n        bookingReference\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MatchPayment($input: MatchPaymentInput!) {\n    matchPayment(input: $input) {\n      paymentMatch {\n        id\n        status\n        bookingReference\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookingsToMatch($search: String) {\n    bookings(first: 8, search: $search) {\n      edges {\n        node {\n          id\n          eventDate\n          status\n          customer {\n            id\n            name\n            phone\n          }\n          price {\n            totalCents\n            paidCents\n            balanceCents\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BookingsToMatch($search: String) {\n    bookings(first: 8, search: $search) {\n      edges {\n        node {\n          id\n          eventDate\n          status\n          customer {\n            id\n            name\n            phone\n          }\n          price {\n            totalCents\n            paidCents\n            balanceCents\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadBankStatement($input: UploadBankStatementInput!) {\n    uploadBankStatement(input: $input) {\n      format\n      lines\n      added\n      credits\n      applied\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UploadBankStatement($input: UploadBankStatementInput!) {\n    uploadBankStatement(input: $input) {\n      format\n      lines\n      added\n      credits\n      applied\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RematchUnmatched {\n    rematchUnmatchedTransactions {\n      examined\n      applied\n      suggested\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RematchUnmatched {\n    rematchUnmatchedTransactions {\n      examined\n      applied\n      suggested\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconciliationReport($weekOf: String!) {\n    reconciliationReport(weekOf: $weekOf) {\n      weekStart\n      weekEnd\n      creditCents\n      matchedCents\n      unmatchedCents\n      csvPath\n      lines {\n        state\n        bookingReference\n        explanation\n        transaction {\n          ...BankTransactionFields\n        }\n        match {\n          id\n          booking {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReconciliationReport($weekOf: String!) {\n    reconciliationReport(weekOf: $weekOf) {\n      weekStart\n      weekEnd\n      creditCents\n      matchedCents\n      unmatchedCents\n      csvPath\n      lines {\n        state\n        bookingReference\n        explanation\n        transaction {\n          ...BankTransactionFields\n        }\n        match {\n          id\n          booking {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription UnmatchedPaymentAdded {\n    unmatchedPaymentAdded {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription UnmatchedPaymentAdded {\n    unmatchedPaymentAdded {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PaymentMatched {\n    paymentMatched {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription PaymentMatched {\n    paymentMatched {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookingPayments($id: ID!) {\n    booking(id: $id) {\n      id\n      payments {\n        id\n        source\n        kind\n        amountCents\n        externalId\n        occurredAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query BookingPayments($id: ID!) {\n    booking(id: $id) {\n      id\n      payments {\n        id\n        source\n        kind\n        amountCents\n        externalId\n        occurredAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertFields on Alert {\n    id\n    kind\n    subjectId\n    message\n    raisedAt\n    resolvedAt\n    acknowledgedAt\n    acknowledgedBy {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment AlertFields on Alert {\n    id\n    kind\n    subjectId\n    message\n    raisedAt\n    resolvedAt\n    acknowledgedAt\n    acknowledgedBy {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenAlerts {\n    alerts(open: true, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...AlertFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OpenAlerts {\n    alerts(open: true, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...AlertFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClosedAlerts {\n    alerts(open: false, first: 20) {\n      edges {\n        node {\n          ...AlertFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClosedAlerts {\n    alerts(open: false, first: 20) {\n      edges {\n        node {\n          ...AlertFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertRaised {\n    alertRaised {\n      ...AlertFields\n    }\n  }\n"): (typeof documents)["\n  subscription AlertRaised {\n    alertRaised {\n      ...AlertFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertResolved {\n    alertResolved {\n      ...AlertFields\n    }\n  }\n"): (typeof documents)["\n  subscription AlertResolved {\n    alertResolved {\n      ...AlertFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      alert {\n        ...AlertFields\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      alert {\n        ...AlertFields\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertAcknowledged {\n    alertAcknowledged {\n      ...AlertFields\n    }\n  }\n"): (typeof documents)["\n  subscription AlertAcknowledged {\n    alertAcknowledged {\n      ...AlertFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CannedReplyPlaceholders {\n    cannedReplyPlaceholders {\n      token\n      description\n    }\n  }\n"): (typeof documents)["\n  query CannedReplyPlaceholders {\n    cannedReplyPlaceholders {\n      token\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCannedReply($input: CannedReplyInput!) {\n    createCannedReply(input: $input) {\n      cannedReply {\n        ...CannedReplyFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCannedReply($input: CannedReplyInput!) {\n    createCannedReply(input: $input) {\n      cannedReply {\n        ...CannedReplyFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCannedReply($id: ID!, $input: CannedReplyInput!) {\n    updateCannedReply(id: $id, input: $input) {\n      cannedReply {\n        ...CannedReplyFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCannedReply($id: ID!, $input: CannedReplyInput!) {\n    updateCannedReply(id: $id, input: $input) {\n      cannedReply {\n        ...CannedReplyFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCannedReply($id: ID!) {\n    deleteCannedReply(id: $id) {\n      deletedCannedReplyId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteCannedReply($id: ID!) {\n    deleteCannedReply(id: $id) {\n      deletedCannedReplyId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CannedReplyFields on CannedReply {\n    id\n    shortcut\n    title\n    body\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment CannedReplyFields on CannedReply {\n    id\n    shortcut\n    title\n    body\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CannedReplies {\n    cannedReplies {\n      ...CannedReplyFields\n    }\n  }\n"): (typeof documents)["\n  query CannedReplies {\n    cannedReplies {\n      ...CannedReplyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FillCannedReply($cannedReplyId: ID!, $conversationId: ID!) {\n    fillCannedReply(cannedReplyId: $cannedReplyId, conversationId: $conversationId) {\n      text\n      unfilled\n    }\n  }\n"): (typeof documents)["\n  query FillCannedReply($cannedReplyId: ID!, $conversationId: ID!) {\n    fillCannedReply(cannedReplyId: $cannedReplyId, conversationId: $conversationId) {\n      text\n      unfilled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NoteFields on ConversationNote {\n    id\n    text\n    createdAt\n    author {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment NoteFields on ConversationNote {\n    id\n    text\n    createdAt\n    author {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationNotes($id: ID!) {\n    conversation(id: $id) {\n      id\n      notes {\n        ...NoteFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConversationNotes($id: ID!) {\n    conversation(id: $id) {\n      id\n      notes {\n        ...NoteFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationNoteAdded($conversationId: ID!) {\n    conversationNoteAdded(conversationId: $conversationId) {\n      ...NoteFields\n    }\n  }\n"): (typeof documents)["\n  subscription ConversationNoteAdded($conversationId: ID!) {\n    conversationNoteAdded(conversationId: $conversationId) {\n      ...NoteFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddConversationNote($conversationId: ID!, $text: String!) {\n    addConversationNote(conversationId: $conversationId, text: $text) {\n      note {\n        ...NoteFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddConversationNote($conversationId: ID!, $text: String!) {\n    addConversationNote(conversationId: $conversationId, text: $text) {\n      note {\n        ...NoteFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationTyping($conversationId: ID!) {\n    conversationTyping(conversationId: $conversationId) {\n      conversationId\n      typing\n      expiresInSeconds\n    }\n  }\n"): (typeof documents)["\n  subscription ConversationTyping($conversationId: ID!) {\n    conversationTyping(conversationId: $conversationId) {\n      conversationId\n      typing\n      expiresInSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStaffTyping($conversationId: ID!, $typing: Boolean!) {\n    setStaffTyping(conversationId: $conversationId, typing: $typing) {\n      ok\n      userErrors {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetStaffTyping($conversationId: ID!, $typing: Boolean!) {\n    setStaffTyping(conversationId: $conversationId, typing: $typing) {\n      ok\n      userErrors {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerNameFields on Customer {\n    id\n    name\n    phone\n    email\n    mergedIntoId\n  }\n"): (typeof documents)["\n  fragment CustomerNameFields on Customer {\n    id\n    name\n    phone\n    email\n    mergedIntoId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerPanelFields on Customer {\n    ...CustomerNameFields\n    createdAt\n    mergedAt\n    mergedInto {\n      ...CustomerNameFields\n    }\n    identities {\n      id\n      kind\n      display\n      createdAt\n    }\n    conversations {\n      id\n      channel\n      stage\n      lastMessageAt\n      lastMessage {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n    bookings {\n      id\n      status\n      eventDate\n      startTime\n      adults\n      kids\n    }\n    merges {\n      id\n      mergedCustomerId\n      mergedName\n      mergedPhone\n      mergedEmail\n      mergedAt\n      byApiKey\n      mergedBy {\n        id\n        displayName\n      }\n      movedIdentities {\n        kind\n        display\n      }\n      movedConversationIds\n      movedBookingIds\n      filledFields\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerPanelFields on Customer {\n    ...CustomerNameFields\n    createdAt\n    mergedAt\n    mergedInto {\n      ...CustomerNameFields\n    }\n    identities {\n      id\n      kind\n      display\n      createdAt\n    }\n    conversations {\n      id\n      channel\n      stage\n      lastMessageAt\n      lastMessage {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n    bookings {\n      id\n      status\n      eventDate\n      startTime\n      adults\n      kids\n    }\n    merges {\n      id\n      mergedCustomerId\n      mergedName\n      mergedPhone\n      mergedEmail\n      mergedAt\n      byApiKey\n      mergedBy {\n        id\n        displayName\n      }\n      movedIdentities {\n        kind\n        display\n      }\n      movedConversationIds\n      movedBookingIds\n      filledFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerPanel($id: ID!) {\n    customer(id: $id) {\n      ...CustomerPanelFields\n    }\n  }\n"): (typeof documents)["\n  query CustomerPanel($id: ID!) {\n    customer(id: $id) {\n      ...CustomerPanelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer {\n        ...CustomerNameFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer {\n        ...CustomerNameFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeCustomers($input: MergeCustomersInput!) {\n    mergeCustomers(input: $input) {\n      customer {\n        ...CustomerPanelFields\n      }\n      merge {\n        id\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MergeCustomers($input: MergeCustomersInput!) {\n    mergeCustomers(input: $input) {\n      customer {\n        ...CustomerPanelFields\n      }\n      merge {\n        id\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CustomerUpdated {\n    customerUpdated {\n      customer {\n        ...CustomerNameFields\n      }\n      conversationIds\n      mergedCustomers {\n        ...CustomerNameFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CustomerUpdated {\n    customerUpdated {\n      customer {\n        ...CustomerNameFields\n      }\n      conversationIds\n      mergedCustomers {\n        ...CustomerNameFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardFigures on Metrics {\n    from\n    to\n    timeZone\n    inquiries\n    convertedInquiries\n    conversionRate\n    revenueCents\n    depositsCents\n    conversations\n    aiAnsweredConversations\n    escalatedConversations\n    aiResponse {\n      responder\n      replies\n      medianSeconds\n      p90Seconds\n    }\n    staffResponse {\n      responder\n      replies\n      medianSeconds\n      p90Seconds\n    }\n    reviews\n    averageRating\n    channels {\n      channel\n      bookings\n      confirmed\n      revenueCents\n    }\n  }\n"): (typeof documents)["\n  fragment DashboardFigures on Metrics {\n    from\n    to\n    timeZone\n    inquiries\n    convertedInquiries\n    conversionRate\n    revenueCents\n    depositsCents\n    conversations\n    aiAnsweredConversations\n    escalatedConversations\n    aiResponse {\n      responder\n      replies\n      medianSeconds\n      p90Seconds\n    }\n    staffResponse {\n      responder\n      replies\n      medianSeconds\n      p90Seconds\n    }\n    reviews\n    averageRating\n    channels {\n      channel\n      bookings\n      confirmed\n      revenueCents\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardMetrics {\n    today: metrics(days: 1) {\n      ...DashboardFigures\n    }\n    month: metrics(days: 30) {\n      ...DashboardFigures\n      daily {\n        date\n        bookings\n        confirmed\n        revenueCents\n        reviews\n        averageRating\n      }\n      unmatchedPayments {\n        count\n        amountCents\n        olderThanDays\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardMetrics {\n    today: metrics(days: 1) {\n      ...DashboardFigures\n    }\n    month: metrics(days: 30) {\n      ...DashboardFigures\n      daily {\n        date\n        bookings\n        confirmed\n        revenueCents\n        reviews\n        averageRating\n      }\n      unmatchedPayments {\n        count\n        amountCents\n        olderThanDays\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardWeek($from: String!, $to: String!) {\n    metrics(from: $from, to: $to) {\n      ...DashboardFigures\n    }\n  }\n"): (typeof documents)["\n  query DashboardWeek($from: String!, $to: String!) {\n    metrics(from: $from, to: $to) {\n      ...DashboardFigures\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardUnmatched {\n    unmatchedTransactions(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          amountCents\n          postedOn\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardUnmatched {\n    unmatchedTransactions(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          amountCents\n          postedOn\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Outbox {\n    emailUsesOutbox\n    emails(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          to\n          from\n          subject\n          text\n          status\n          attempts\n          lastError\n          sentAt\n          createdAt\n          attachmentList {\n            filename\n            size\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Outbox {\n    emailUsesOutbox\n    emails(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          to\n          from\n          subject\n          text\n          status\n          attempts\n          lastError\n          sentAt\n          createdAt\n          attachmentList {\n            filename\n            size\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendWeeklyReports($input: SendWeeklyReportsInput) {\n    sendWeeklyReports(input: $input) {\n      queued\n      emails {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendWeeklyReports($input: SendWeeklyReportsInput) {\n    sendWeeklyReports(input: $input) {\n      queued\n      emails {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewFields on Review {\n    id\n    source\n    reviewerName\n    rating\n    comment\n    createdAt\n    sentiment\n    praised\n    raised\n    flagged\n    verification\n    verificationEvidence {\n      confidence\n      matchedOn\n      customerName\n      eventDate\n      eventsChecked\n      windowDays\n      customer {\n        id\n        name\n      }\n      booking {\n        id\n      }\n    }\n    replyState\n    replyText\n    replyPostsAt\n    repliedAt\n    replyFailure\n  }\n"): (typeof documents)["\n  fragment ReviewFields on Review {\n    id\n    source\n    reviewerName\n    rating\n    comment\n    createdAt\n    sentiment\n    praised\n    raised\n    flagged\n    verification\n    verificationEvidence {\n      confidence\n      matchedOn\n      customerName\n      eventDate\n      eventsChecked\n      windowDays\n      customer {\n        id\n        name\n      }\n      booking {\n        id\n      }\n    }\n    replyState\n    replyText\n    replyPostsAt\n    repliedAt\n    replyFailure\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reviews($first: Int, $after: String, $rating: Int, $needsAttention: Boolean, $flagged: Boolean, $replyState: ReplyState) {\n    reviews(first: $first, after: $after, rating: $rating, needsAttention: $needsAttention, flagged: $flagged, replyState: $replyState) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ReviewFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Reviews($first: Int, $after: String, $rating: Int, $needsAttention: Boolean, $flagged: Boolean, $replyState: ReplyState) {\n    reviews(first: $first, after: $after, rating: $rating, needsAttention: $needsAttention, flagged: $flagged, replyState: $replyState) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ReviewFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReviewAdded {\n    reviewAdded {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription ReviewAdded {\n    reviewAdded {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReviewUpdated {\n    reviewUpdated {\n      ...ReviewFields\n    }\n  }\n"): (typeof documents)["\n  subscription ReviewUpdated {\n    reviewUpdated {\n      ...ReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveReviewReply($input: ApproveReviewReplyInput!) {\n    approveReviewReply(input: $input) {\n      review {\n        ...ReviewFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveReviewReply($input: ApproveReviewReplyInput!) {\n    approveReviewReply(input: $input) {\n      review {\n        ...ReviewFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddReview($input: AddReviewInput!) {\n    addReview(input: $input) {\n      review {\n        ...ReviewFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddReview($input: AddReviewInput!) {\n    addReview(input: $input) {\n      review {\n        ...ReviewFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewAnalytics($from: DateTimeISO!, $to: DateTimeISO!) {\n    reviewAnalytics(from: $from, to: $to) {\n      reviews\n      averageRating\n      responseRate\n      medianResponseSeconds\n      byWeek {\n        periodStart\n        averageRating\n        averageSentiment\n        reviews\n      }\n      byMonth {\n        periodStart\n        averageRating\n        reviews\n      }\n      keywords {\n        word\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewAnalytics($from: DateTimeISO!, $to: DateTimeISO!) {\n    reviewAnalytics(from: $from, to: $to) {\n      reviews\n      averageRating\n      responseRate\n      medianResponseSeconds\n      byWeek {\n        periodStart\n        averageRating\n        averageSentiment\n        reviews\n      }\n      byMonth {\n        periodStart\n        averageRating\n        reviews\n      }\n      keywords {\n        word\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $first: Int) {\n    search(query: $query, first: $first) {\n      query\n      customers {\n        ...CustomerNameFields\n        identities {\n          id\n          kind\n          display\n        }\n      }\n      conversations {\n        id\n        channel\n        stage\n        lastMessageAt\n        customer {\n          ...CustomerNameFields\n        }\n        lastMessage {\n          id\n          text\n          author\n        }\n      }\n      messages {\n        snippet\n        message {\n          id\n          author\n          createdAt\n        }\n        conversation {\n          id\n          channel\n          customer {\n            ...CustomerNameFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Search($query: String!, $first: Int) {\n    search(query: $query, first: $first) {\n      query\n      customers {\n        ...CustomerNameFields\n        identities {\n          id\n          kind\n          display\n        }\n      }\n      conversations {\n        id\n        channel\n        stage\n        lastMessageAt\n        customer {\n          ...CustomerNameFields\n        }\n        lastMessage {\n          id\n          text\n          author\n        }\n      }\n      messages {\n        snippet\n        message {\n          id\n          author\n          createdAt\n        }\n        conversation {\n          id\n          channel\n          customer {\n            ...CustomerNameFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffMemberFields on StaffUser {\n    id\n    email\n    displayName\n    role\n    hasPassword\n    deactivatedAt\n    extension {\n      id\n      number\n      employeeName\n      status\n      staffUserId\n    }\n  }\n"): (typeof documents)["\n  fragment StaffMemberFields on StaffUser {\n    id\n    email\n    displayName\n    role\n    hasPassword\n    deactivatedAt\n    extension {\n      id\n      number\n      employeeName\n      status\n      staffUserId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffUsers($first: Int!) {\n    staffUsers(first: $first) {\n      totalCount\n      edges {\n        node {\n          ...StaffMemberFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StaffUsers($first: Int!) {\n    staffUsers(first: $first) {\n      totalCount\n      edges {\n        node {\n          ...StaffMemberFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStaffUser($input: CreateStaffUserInput!) {\n    createStaffUser(input: $input) {\n      staffUser {\n        ...StaffMemberFields\n      }\n      passwordLink {\n        path\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStaffUser($input: CreateStaffUserInput!) {\n    createStaffUser(input: $input) {\n      staffUser {\n        ...StaffMemberFields\n      }\n      passwordLink {\n        path\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {\n    updateStaffUser(input: $input) {\n      staffUser {\n        ...StaffMemberFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {\n    updateStaffUser(input: $input) {\n      staffUser {\n        ...StaffMemberFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStaffUserActive($id: ID!, $active: Boolean!) {\n    setStaffUserActive(id: $id, active: $active) {\n      staffUser {\n        ...StaffMemberFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetStaffUserActive($id: ID!, $active: Boolean!) {\n    setStaffUserActive(id: $id, active: $active) {\n      staffUser {\n        ...StaffMemberFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStaffPasswordLink($id: ID!) {\n    createStaffPasswordLink(id: $id) {\n      passwordLink {\n        path\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStaffPasswordLink($id: ID!) {\n    createStaffPasswordLink(id: $id) {\n      passwordLink {\n        path\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPasswordWithLink($input: SetPasswordWithLinkInput!) {\n    setPasswordWithLink(input: $input) {\n      email\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetPasswordWithLink($input: SetPasswordWithLinkInput!) {\n    setPasswordWithLink(input: $input) {\n      email\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPresence {\n    me {\n      id\n      extension {\n        id\n        number\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyPresence {\n    me {\n      id\n      extension {\n        id\n        number\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAway($away: Boolean!) {\n    setAway(away: $away) {\n      extension {\n        id\n        number\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetAway($away: Boolean!) {\n    setAway(away: $away) {\n      extension {\n        id\n        number\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenTasks($first: Int, $after: String) {\n    tasks(open: true, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          detail\n          kind\n          subjectId\n          createdAt\n          assignedTo {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OpenTasks($first: Int, $after: String) {\n    tasks(open: true, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          detail\n          kind\n          subjectId\n          createdAt\n          assignedTo {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteTask($input: CompleteTaskInput!) {\n    completeTask(input: $input) {\n      task {\n        id\n        completedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteTask($input: CompleteTaskInput!) {\n    completeTask(input: $input) {\n      task {\n        id\n        completedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;