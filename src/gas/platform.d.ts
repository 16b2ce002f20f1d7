/**
 * Members of the Apps Script services that @types/google-apps-script does not declare yet.
 * Form publishing (Apps Script reference, Class Form; Forms guide "Publish and manage responders"):
 * forms created through the API after 2026-06-30 start unpublished and accept no responses until
 * published.
 */
declare namespace GoogleAppsScript {
  namespace Forms {
    interface Form {
      /** Whether the form is published (visible to responders). */
      isPublished(): boolean;
      /** Publishes or unpublishes the form; publishing also enables accepting responses. */
      setPublished(enabled: boolean): Form;
      /** Whether the form supports publishing (false for legacy forms). */
      supportsAdvancedResponderPermissions(): boolean;
    }
  }
}

