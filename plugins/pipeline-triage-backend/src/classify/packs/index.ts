import type { RulePack } from '../ruleTypes';
import { beamDataflowPack } from './beamDataflow';
import { cloudStorageIamPack } from './cloudStorageIam';
import { configCodeSeamsPack } from './configCodeSeams';
import { configReportingPack } from './configReporting';
import { dbtPack } from './dbt';
import { dltLoadsPack } from './dltLoads';
import { exceptionNameWordsPack } from './exceptionNameWords';
import { genericPack } from './generic';
import { housekeepingStepsPack } from './housekeepingSteps';
import { generalReportsPack } from './generalReports';
import { forumReportsPack } from './forumReports';
import { ingestionConnectorsPack } from './ingestionConnectors';
import { jvmSparkPack } from './jvmSpark';
import { kafkaStreamingPack } from './kafkaStreaming';
import { kubernetesYarnPack } from './kubernetesYarn';
import { newerEnginesPack } from './newerEngines';
import { providerOperatorsPack } from './providerOperators';
import { pythonAirflowPack } from './pythonAirflow';
import { sqlWarehousePack } from './sqlWarehouse';
import { tableFormatsPack } from './tableFormats';
import { toolConfigFamiliesPack } from './toolConfigFamilies';
import { settingsBehindTransientsPack } from './settingsBehindTransients';
import { ownLimitsBehindTransientsPack } from './ownLimitsBehindTransients';
import { repeatingCausesBehindTransientsPack } from './repeatingCausesBehindTransients';
import { connectionSettingsPack } from './connectionSettings';
import { waitsChecksFilesPack } from './waitsChecksFiles';
import { vendorCodesPack } from '../vendorCodes';

/** The built-in rule packs, one per platform family. */
export const BUILT_IN_RULE_PACKS: RulePack[] = [
  jvmSparkPack,
  pythonAirflowPack,
  sqlWarehousePack,
  dbtPack,
  kafkaStreamingPack,
  beamDataflowPack,
  dltLoadsPack,
  ingestionConnectorsPack,
  cloudStorageIamPack,
  kubernetesYarnPack,
  tableFormatsPack,
  waitsChecksFilesPack,
  newerEnginesPack,
  configReportingPack,
  configCodeSeamsPack,
  toolConfigFamiliesPack,
  settingsBehindTransientsPack,
  ownLimitsBehindTransientsPack,
  repeatingCausesBehindTransientsPack,
  connectionSettingsPack,
  generalReportsPack,
  forumReportsPack,
  providerOperatorsPack,
  housekeepingStepsPack,
  genericPack,
  vendorCodesPack,
  exceptionNameWordsPack,
];
