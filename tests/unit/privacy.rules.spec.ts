import { maskName, maskPhone } from '../../cloudfunctions/shared/privacy.rules'

describe('maskName', () => {
  it.each([
    ['王建国', '王**'],
    ['李娜', '李*'],
    ['欧阳娜娜', '欧**'],
    ['张', '张*'],
    ['  赵桂兰 ', '赵**'],
    ['', ''],
  ])('%j is shown as %j', (name, masked) => {
    expect(maskName(name)).toBe(masked)
  })
})

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['', ''],
    ['12345', '***'],
  ])('%j is shown as %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked)
  })
})
