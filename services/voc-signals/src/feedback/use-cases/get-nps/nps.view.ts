import { ApiProperty } from '@nestjs/swagger';

export class NpsView {
  @ApiProperty({ format: 'date-time', description: 'Inclusive' }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) to!: string;
  @ApiProperty({ description: 'NPS answers (0–10) given in the period' }) responses!: number;
  @ApiProperty({ description: 'Answers 9–10' }) promoters!: number;
  @ApiProperty({ description: 'Answers 7–8' }) passives!: number;
  @ApiProperty({ description: 'Answers 0–6' }) detractors!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: -100,
    maximum: 100,
    description: '%promoters − %detractors; null without answers',
  })
  nps!: number | null;
}
