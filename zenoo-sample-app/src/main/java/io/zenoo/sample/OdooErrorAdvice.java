package io.zenoo.sample;

import java.util.Map;

import io.zenoo.client.error.OdooMissingRecordException;
import io.zenoo.client.error.OdooServerException;
import io.zenoo.client.error.OdooUnknownFieldException;
import io.zenoo.client.error.OdooUserException;
import io.zenoo.client.error.OdooValidationException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns Odoo's typed errors into HTTP answers carrying Odoo's own message: a missing record is a 404, a refused value
 * a 400.
 */
@RestControllerAdvice
class OdooErrorAdvice {

	@ExceptionHandler(OdooMissingRecordException.class)
	ResponseEntity<Map<String, String>> missing(OdooMissingRecordException ex) {
		return answer(HttpStatus.NOT_FOUND, ex);
	}

	@ExceptionHandler({ OdooUnknownFieldException.class, OdooValidationException.class, OdooUserException.class })
	ResponseEntity<Map<String, String>> refused(OdooServerException ex) {
		return answer(HttpStatus.BAD_REQUEST, ex);
	}

	private static ResponseEntity<Map<String, String>> answer(HttpStatus status, OdooServerException ex) {
		return ResponseEntity.status(status)
			.body(Map.of("error", ex.getClass().getSimpleName(), "message", String.valueOf(ex.getMessage())));
	}

}
