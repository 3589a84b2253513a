import { yaml } from './rule-tester.js';

/**
 * A GitLab CI/CD component whose variables and script take secret-looking values from
 * `$[[ inputs.x ]]`: the caller passes the values, so nothing here is hard-coded or unmasked.
 */
export const COMPONENT_INPUT = yaml`
  spec:
    inputs:
      azure-auth:
        default: connection-string
        options: [connection-string, service-principal]
      registry-password:
        default: not-a-real-one-42
  ---
  train:
    variables:
      AZURE_AUTH: $[[ inputs.azure-auth ]]
    script:
      - docker login --password $[[ inputs.registry-password ]] registry.example.com
      - dvc pull`;
