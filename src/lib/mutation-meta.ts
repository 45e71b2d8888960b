/**
 * What a mutation tells the app-wide error handler: how to name the failed action for a person
 * ("Couldn't complete “Call Dana”"). The handler adds the server's own reason.
 */
export type TriageMutationMeta = {
  describeFailure?: (variables: unknown) => string;
  /** The UI that started it shows the failure itself (a form with per-field reasons). */
  showsOwnErrors?: boolean;
};

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: TriageMutationMeta;
  }
}
