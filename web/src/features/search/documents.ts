// GraphQL documents of the global search: the hits with their snippets and where they lead.
import { graphql, type ResultOf } from '../../graphql';

export const SearchQuery = graphql(`
  query Search($query: String!, $first: Int) {
    search(query: $query, first: $first) {
      title
      snippet
      highlights {
        start
        end
      }
      subject {
        __typename
        id
        ... on Referral {
          department {
            name
          }
        }
      }
      parent {
        __typename
        id
      }
    }
  }
`);
export type SearchHitData = ResultOf<typeof SearchQuery>['search'][number];
