package io.zenoo.test.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts an {@link io.zenoo.test.OdooTestServer} for a Spring test context (one per distinct context, stopped when the
 * context closes), registers it as a bean, and points the Zenoo properties at it with the highest precedence:
 * {@code zenoo.odoo.url}, {@code zenoo.odoo.database}, {@code zenoo.odoo.username} and {@code zenoo.odoo.password}
 * (the administrator).
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureOdooStub
 * class PartnerServiceTests {
 *     @Autowired OdooTestServer odoo;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureOdooStub {

}
