/** Where the API is: the same origin that served the page (Vite proxies both paths in development). */

export function graphqlHttpUrl(): string {
  return '/graphql';
}

/** ws(s)://<same host>/graphql: the API serves graphql-ws on the HTTP path (Vite proxies it in dev). */
export function graphqlWebSocketUrl(location: Location = window.location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/graphql`;
}
