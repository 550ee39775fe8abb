import { graphql } from '../../graphql/generated';

export const reviewFieldsFragment = graphql(`
  fragment ReviewFields on Review {
    id
    source
    reviewerName
    rating
    comment
    createdAt
    sentiment
    praised
    raised
    flagged
    verification
    verificationEvidence {
      confidence
      matchedOn
      customerName
      eventDate
      eventsChecked
      windowDays
      customer {
        id
        name
      }
      booking {
        id
      }
    }
    replyState
    replyText
    replyPostsAt
    repliedAt
    replyFailure
  }
`);

export const reviewsQuery = graphql(`
  query Reviews($first: Int, $after: String, $rating: Int, $needsAttention: Boolean, $flagged: Boolean, $replyState: ReplyState) {
    reviews(first: $first, after: $after, rating: $rating, needsAttention: $needsAttention, flagged: $flagged, replyState: $replyState) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ReviewFields
        }
      }
    }
  }
`);

export const reviewAddedSubscription = graphql(`
  subscription ReviewAdded {
    reviewAdded {
      id
    }
  }
`);

/** A reply approved, posted or failed anywhere: the fields land on the cached review, so the list shows it at once. */
export const reviewUpdatedSubscription = graphql(`
  subscription ReviewUpdated {
    reviewUpdated {
      ...ReviewFields
    }
  }
`);

export const approveReviewReplyMutation = graphql(`
  mutation ApproveReviewReply($input: ApproveReviewReplyInput!) {
    approveReviewReply(input: $input) {
      review {
        ...ReviewFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const addReviewMutation = graphql(`
  mutation AddReview($input: AddReviewInput!) {
    addReview(input: $input) {
      review {
        ...ReviewFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const reviewAnalyticsQuery = graphql(`
  query ReviewAnalytics($from: DateTimeISO!, $to: DateTimeISO!) {
    reviewAnalytics(from: $from, to: $to) {
      reviews
      averageRating
      responseRate
      medianResponseSeconds
      byWeek {
        periodStart
        averageRating
        averageSentiment
        reviews
      }
      byMonth {
        periodStart
        averageRating
        reviews
      }
      keywords {
        word
        count
      }
    }
  }
`);
