import { graphql } from './generated';

/* The Google Business Profile connection on the Channels page: state, consent, location, "Sync now". */

export const googleConnectionFieldsFragment = graphql(`
  fragment GoogleConnectionFields on GoogleConnectionView {
    configured
    state
    message
    accountName
    locationTitle
    locationName
    lastSyncedAt
    lastSyncError
    lastSync {
      added
      updated
      unchanged
      deleted
    }
  }
`);

export const googleConnectionQuery = graphql(`
  query GoogleConnection {
    googleConnection {
      ...GoogleConnectionFields
    }
  }
`);

export const googleLocationsQuery = graphql(`
  query GoogleLocations {
    googleLocations {
      name
      title
      accountName
    }
  }
`);

export const connectGoogleMutation = graphql(`
  mutation ConnectGoogle {
    connectGoogle {
      consentUrl
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const selectGoogleLocationMutation = graphql(`
  mutation SelectGoogleLocation($locationName: String!) {
    selectGoogleLocation(locationName: $locationName) {
      connection {
        ...GoogleConnectionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const syncGoogleReviewsMutation = graphql(`
  mutation SyncGoogleReviews {
    syncReviews {
      connection {
        ...GoogleConnectionFields
      }
      synced {
        listed
        added
        updated
        deleted
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
