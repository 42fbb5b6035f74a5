import { ApiProperty } from '@nestjs/swagger';

export class InvitationView {
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({
    description:
      'Shown once. In a real deployment it is e-mailed to the invitee, never returned to the inviter; ' +
      'the invitee passes it to POST /v1/invitations/accept.',
  })
  invitationToken!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
