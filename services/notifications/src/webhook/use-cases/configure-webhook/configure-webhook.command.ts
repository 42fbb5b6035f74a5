import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';

export class ConfigureWebhookRequest {
  @ApiProperty({ example: 'https://hooks.acme.com/foresight', maxLength: 2048 })
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'url must be an http(s) URL' },
  )
  @MaxLength(2048)
  url!: string;

  @ApiPropertyOptional({
    minLength: 16,
    maxLength: 256,
    description: 'Your own signing secret; leave it out to have one generated (returned once).',
  })
  @IsOptional()
  @IsString()
  @Length(16, 256)
  secret?: string;
}
