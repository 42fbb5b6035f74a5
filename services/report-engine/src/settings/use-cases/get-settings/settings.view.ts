import { ApiProperty } from '@nestjs/swagger';
import { ReportSettings } from '../../../report/domain/report-settings';
import { SettingsInForce } from '../../tenant-settings';
import { ChangeSettingsRequest } from '../change-settings/change-settings.request';

export class SettingsView {
  @ApiProperty({ description: '0 while the tenant runs on the defaults; +1 on each saved change' })
  version!: number;

  @ApiProperty({ type: ChangeSettingsRequest })
  settings!: ReportSettings;

  @ApiProperty({ type: String, nullable: true })
  changedBy!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  changedAt!: string | null;

  static of(s: SettingsInForce): SettingsView {
    return { version: s.version, settings: s.settings, changedBy: s.changedBy, changedAt: s.changedAt };
  }
}
