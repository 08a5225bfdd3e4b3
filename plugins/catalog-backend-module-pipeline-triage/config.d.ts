export interface Config {
  /** Pipeline Triage; the rest of its keys are the backend plugin's. */
  pipelineTriage?: {
    /**
     * dbt project read by the catalog module (this package):
     * each model becomes a `data-pipeline` Component annotated with its unique id and each model's
     * and source's relation a `table` Resource, owned by `meta.owner`, else the model's dbt group
     * (as a catalog group of that name), else `defaultOwner`. Hand-annotated entities win.
     */
    dbt?: {
      /** Path or URL (read through the backend's URL reader) of the dbt `manifest.json`. */
      manifest?: string;
      /** Owner of models with neither `meta.owner` nor a group. Default: group:default/data-platform. */
      defaultOwner?: string;
      /** How often the manifest is read again, in minutes. Default: 30. */
      refreshMinutes?: number;
    };
  };
}
