import { DomainError } from '@foresight/domain';
import { ReportSettings, settingsProblems } from '../../../report/domain/report-settings';

/** Replace a tenant's report settings; `create` checks what one field alone cannot (exit below enter, …). */
export interface ChangeSettingsCommand {
  tenantId: string;
  settings: ReportSettings;
  by: string;
  requestId: string;
  at: string;
}

export const ChangeSettingsCommand = {
  create(input: ChangeSettingsCommand): ChangeSettingsCommand {
    const problems = settingsProblems(input.settings);
    if (problems.length)
      throw new DomainError('SETTINGS.INVALID', problems.join('; '), 'invalid', {
        fields: problems.map((p) => p.slice(0, p.indexOf(':'))),
      });
    return input;
  },
};
