import { ApiProperty } from '@nestjs/swagger';

export class MemberView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['invited', 'active', 'removed'] }) status!: string;
  @ApiProperty({ type: [String], description: 'role names' }) roles!: string[];
  @ApiProperty({ description: 'user id of the inviter, or platform-admin' }) invitedBy!: string;
  @ApiProperty({ format: 'date-time' }) invitedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) invitationExpiresAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) joinedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) removedAt!: string | null;
}

export class MemberPageView {
  @ApiProperty({ type: [MemberView] }) items!: MemberView[];
  @ApiProperty() total!: number;
}
