import { graphql } from '../../graphql/generated';

export const openTasksQuery = graphql(`
  query OpenTasks($first: Int, $after: String) {
    tasks(open: true, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          detail
          kind
          subjectId
          createdAt
          assignedTo {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const completeTaskMutation = graphql(`
  mutation CompleteTask($input: CompleteTaskInput!) {
    completeTask(input: $input) {
      task {
        id
        completedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
