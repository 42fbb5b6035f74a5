import { ApiProperty } from '@nestjs/swagger';

export class MeView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [String] }) permissions!: string[];
  @ApiProperty() totpEnabled!: boolean;
}

export class TotpEnrollmentView {
  @ApiProperty({ description: 'base32 secret for the authenticator app; shown this once' }) secret!: string;
  @ApiProperty({ example: 'otpauth://totp/Foresight:ann%40acme.com?secret=...&issuer=Foresight' })
  otpauthUrl!: string;
}
